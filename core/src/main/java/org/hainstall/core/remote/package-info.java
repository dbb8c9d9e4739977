/**
 * Running commands on nodes: {@link org.hainstall.core.remote.Shell} and its implementations over SSH
 * ({@link org.hainstall.core.remote.SshShell}, sshj, pinned host keys) and on this machine
 * ({@link org.hainstall.core.remote.LocalShell}); first contact through
 * {@link org.hainstall.core.remote.HostKeyTrust}. Every value in a command line passes
 * {@link org.hainstall.core.remote.ShellQuote}.
 */
package org.hainstall.core.remote;
