/**
 * The engine of the node steps (steps 7–16: packages, time, storage, DRBD, Heartbeat, DB2, backups); the steps
 * themselves live in one package per subsystem ({@code os}, {@code storage}, {@code drbd}, {@code heartbeat},
 * {@code db2}, {@code backup}), and {@link org.hainstall.core.workflow.NodeStepCatalog#steps} lists them with their
 * dependencies.
 *
 * <h2>One look per node</h2>
 * Every step lists the {@link org.hainstall.core.node.Fact}s it reads (machine-readable commands: {@code lsblk
 * --json}, {@code blkid -p}, {@code wipefs --json}, LVM's JSON reports, {@code /proc/drbd}, {@code findmnt
 * --json}, {@code getent}, {@code dpkg-query}, {@code chronyc -c}, files and digests of files), defined once in its
 * subsystem's probe class. The first {@link org.hainstall.core.node.Probe look} at a node reads every step's facts
 * in one remote command; the run's {@link org.hainstall.core.node.NodeSnapshot} keeps them, each step decides from
 * them with a pure static {@code decide(config, node, facts)} that the tests feed with captured output, and a
 * change forgets only the facts of the {@link org.hainstall.core.node.Part}s it touches. A refusal is a
 * {@link org.hainstall.core.plan.StepException} naming node, device and what was found.
 * {@link org.hainstall.core.node.FactStep#apply} reads its facts from the node again and re-decides right before
 * acting, and refuses if the plan changed, so a destructive command runs only while the check that proved its
 * target empty holds. Facts never reach the run's events, and files holding secrets are only read as digests.
 *
 * <h2>Order and roles</h2>
 * DRBD comes up on both nodes; the node holding valid data becomes the first primary (once, guarded by generation
 * identifiers, the peer's data and its connection). The DRBD filesystems are created and mounted by hand on that
 * node, DB2 is set up there (instance, databases) and as stubs on the peer, and only then does
 * {@link org.hainstall.core.heartbeat.HeartbeatStartStep} stop DB2, unmount, demote and start Heartbeat, which takes
 * everything over. From then on the active node is the one whose DRBD resources are Primary
 * ({@link org.hainstall.core.drbd.Roles}); a re-run finds Heartbeat running and never moves the service.
 *
 * <h2>Dry runs</h2>
 * On a node not set up yet (DRBD down) the role is predicted from {@code holdsValidData} so later steps can still
 * show their plan; steps refuse to act on a predicted role. {@link org.hainstall.core.node.BlankNodeModel} answers
 * the probe as a fresh node would, for {@code create --dry-run}.
 */
package org.hainstall.core.node;
