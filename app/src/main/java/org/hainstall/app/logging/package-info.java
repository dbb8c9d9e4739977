/**
 * Where hainstall's log goes: the application log, the run's copy and, for hainstall's own lines only, the terminal
 * (Logback, configured in code by {@link org.hainstall.app.logging.LogConfigurator}).
 */
package org.hainstall.app.logging;
