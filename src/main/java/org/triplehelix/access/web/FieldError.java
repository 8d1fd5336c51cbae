package org.triplehelix.access.web;

/** A form's error: the field at fault and the message key. */
public record FieldError(String field, String messageKey) {

    public boolean on(String name) {
        return field != null && field.equals(name);
    }
}
