/**
 * Registry: organizations, people, outputs, facilities catalog, taxonomies; import and export.
 */
@org.springframework.modulith.ApplicationModule
package org.triplehelix.registry;
