/**
 * What a step does on a node: packages, NTP, partitions, LVM, filesystems, DRBD, Heartbeat, DB2, backups.
 * {@link org.hainstall.core.node.NodeStepCatalog#steps} lists them with their dependencies.
 *
 * <h2>Shape</h2>
 * Every step reads facts with machine-readable commands ({@code lsblk --json}, {@code blkid -p}, {@code wipefs
 * --json}, {@code sfdisk --json}, LVM's JSON reports, {@code /proc/drbd}, {@code drbdadm get-gi}, {@code findmnt
 * --json}, {@code getent}, {@code dpkg-query}, {@code chronyc -c}) into a {@code Facts} record (parsers in
 * {@code node.facts}), then decides with a pure static {@code decide(config, node, facts)} that the tests feed with
 * captured output. A refusal is a {@link org.hainstall.core.plan.StepException} naming node, device and what was
 * found. {@link org.hainstall.core.node.FactStep#apply} reads and decides again right before acting and refuses
 * if the plan changed, so a destructive command runs only while the check that proved its target empty holds.
 * Fact commands never forward their output to events (some files hold secrets).
 *
 * <h2>Order and roles</h2>
 * DRBD comes up on both nodes; the node holding valid data becomes the first primary (once, guarded by generation
 * identifiers, the peer's data and its connection). The DRBD filesystems are created and mounted by hand on that
 * node, DB2 is set up there (instance, databases) and as stubs on the peer, and only then does
 * {@link org.hainstall.core.node.HeartbeatStartStep} stop DB2, unmount, demote and start Heartbeat, which takes
 * everything over. From then on the active node is the one whose DRBD resources are Primary
 * ({@link org.hainstall.core.node.Roles}); a re-run finds Heartbeat running and never moves the service.
 *
 * <h2>Dry runs</h2>
 * On a node not set up yet (DRBD down) the role is predicted from {@code holdsValidData} so later steps can still
 * show their plan; steps refuse to act on a predicted role. {@link org.hainstall.core.node.BlankNodeModel} answers
 * the fact commands as a fresh node would, for {@code create --dry-run}.
 */
package org.hainstall.core.node;
