/**
 * DB2: its facts (Db2Probe), its commands and the one parser of their output, and the DB2 steps (install, users,
 * instances, move, databases).
 */
package org.hainstall.core.db2;
