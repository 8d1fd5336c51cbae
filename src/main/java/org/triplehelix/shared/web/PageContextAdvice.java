package org.triplehelix.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Puts a {@link PageContext} named {@code ctx} into the model of every page controller. */
@ControllerAdvice(annotations = Controller.class)
class PageContextAdvice {

    private final MessageSource messages;

    PageContextAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("ctx")
    PageContext pageContext(HttpServletRequest request) {
        return new PageContext(RequestContextUtils.getLocale(request), messages, request);
    }
}
