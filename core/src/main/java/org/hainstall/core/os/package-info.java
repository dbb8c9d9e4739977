/**
 * The operating system's part of a node: packages, time (chrony, timezone), the node's name and addresses, users and
 * groups — its facts (OsProbe), parsers and steps.
 */
package org.hainstall.core.os;
