/**
 * What every module shares: bilingual text, typed errors mapped to RFC 9457 problem details,
 * the database (embedded PostgreSQL or an external server), the audit event, i18n.
 *
 * <p>Glossary of names used in the code: 实验室 → laboratory, 揭榜挂帅 → challenge,
 * 验收 → acceptance, 大型仪器 → instrument, 重大科技基础设施 → major facility,
 * 新型研发机构 → new R&amp;D institution, 卓越工程师 → joint engineering program,
 * 关键核心技术 → key core technology, 统一社会信用代码 → unified social credit code (USCC).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.triplehelix.shared;
