package org.triplehelix.registry.web;

import java.io.Serializable;

/**
 * What an edit page tells the next page after its redirect (a flash attribute named
 * {@code notice}): a message key of {@code registry_edit} and the record's name for its {@code {0}}.
 */
public record EditNotice(String key, String name) implements Serializable {
}
