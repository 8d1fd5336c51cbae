/**
 * Access: accounts, roles, sign-in, data scope and the audit trail.
 *
 * <p>What other modules use:
 * <ul>
 * <li>{@link org.triplehelix.access.DataScope} — who is calling and what they may see and change;
 *     call its {@code require…} methods in your service before every read of private data and every
 *     write, and bind {@link org.triplehelix.access.OrganizationScope} as SQL parameters in lists.</li>
 * <li>{@link org.triplehelix.shared.AuditableChange} — publish one per create, update, delete (one per
 *     import batch, with counts) inside the writing transaction; this module's listener appends it
 *     to the append-only {@code audit_log} with who, when and from where.</li>
 * <li>{@link org.triplehelix.access.OrganizationMembers} — the users who act for an organization (to tell them something).</li>
 * <li>{@link org.triplehelix.access.PersonAccounts} — the users linked to registry people, and an author's account by email (to tell them something, or leave them out).</li>
 * <li>{@link org.triplehelix.access.Role}, {@link org.triplehelix.access.CurrentUser}; {@code @PreAuthorize}
 *     on controllers if you like (method security is on), but the service-layer check is the one that counts.</li>
 * <li>Tests: extend {@code AuthorizationMatrix} (src/test) with your endpoints × every caller → status;
 *     {@code AccessFixtures} makes organizations and accounts of any role, {@code HelixClient} calls
 *     the platform as a browser (session, CSRF) or a script (HTTP Basic).</li>
 * </ul>
 * URLs: {@code /login}, {@code POST /logout}, {@code /register}, {@code /account/password},
 * {@code /admin/users}, {@code /admin/audit}; API {@code /api/v1/me}, {@code /api/v1/users/…},
 * {@code /api/v1/audit}, {@code /api/v1/audit/export} (CSV). The header can include the
 * sign-in / account links with {@code @template.access.accountMenu(ctx = ctx)}.
 */
@org.springframework.modulith.ApplicationModule
package org.triplehelix.access;
