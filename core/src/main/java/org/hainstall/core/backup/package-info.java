/**
 * The backup tool: its facts (BackupProbe), its renderer (config, script, cron) and its step.
 */
package org.hainstall.core.backup;
