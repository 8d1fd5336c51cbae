package org.triplehelix.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Puts a {@link PageContext} named {@code ctx} (with the modules' {@link NavCount}s) into the model of every page controller. */
@ControllerAdvice(annotations = Controller.class)
class PageContextAdvice {

    private final MessageSource messages;
    private final List<NavCount> navCounts;

    PageContextAdvice(MessageSource messages, ObjectProvider<NavCount> navCounts) {
        this.messages = messages;
        this.navCounts = navCounts.orderedStream().toList();
    }

    @ModelAttribute("ctx")
    PageContext pageContext(HttpServletRequest request) {
        return new PageContext(RequestContextUtils.getLocale(request), messages, request, navCounts);
    }
}
