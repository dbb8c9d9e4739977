/**
 * The cluster's secrets: the folder beside the config ({@link org.hainstall.core.secrets.SecretsStore}, 0700,
 * files 0600, atomic writes), ed25519 keys in OpenSSH's formats ({@link org.hainstall.core.secrets.SshKeyPair},
 * {@link org.hainstall.core.secrets.SshPublicKey}) and their generation
 * ({@link org.hainstall.core.secrets.SecretsGenerator}). Nothing here prints a secret in {@code toString()}.
 */
package org.hainstall.core.secrets;
