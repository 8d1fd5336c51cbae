/**
 * The command line: serve, import, export, match, eval, index, user, bench.
 */
@org.springframework.modulith.ApplicationModule
package org.triplehelix.cli;
