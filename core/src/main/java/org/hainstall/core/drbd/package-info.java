/**
 * DRBD: its facts (DrbdProbe), the one /proc/drbd parser, drbdadm's configuration parser, the resource files'
 * renderer, the nodes' roles and the DRBD steps.
 */
package org.hainstall.core.drbd;
