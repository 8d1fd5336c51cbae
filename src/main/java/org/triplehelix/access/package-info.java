/**
 * Access: accounts, roles, sign-in, data scope and the audit trail.
 */
@org.springframework.modulith.ApplicationModule
package org.triplehelix.access;
