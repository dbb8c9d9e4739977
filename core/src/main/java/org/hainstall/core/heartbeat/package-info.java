/**
 * Heartbeat: its facts (HeartbeatProbe), the ha.cf and haresources parsers and renderers, and the steps that
 * configure and start it.
 */
package org.hainstall.core.heartbeat;
