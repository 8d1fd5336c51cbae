package org.triplehelix.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Two languages, Simplified Chinese and English. Every module keeps its strings in
 * {@code messages/<module>_zh.properties} and {@code messages/<module>_en.properties};
 * all of them are found on the classpath. The language comes from {@code ?lang=}, then the
 * cookie the switch sets, then the browser's Accept-Language, else Chinese.
 */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(bundleBasenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("helix-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            for (var locales = request.getLocales(); locales.hasMoreElements(); ) {
                Locale locale = locales.nextElement();
                if ("en".equals(locale.getLanguage())) {
                    return Locale.ENGLISH;
                }
                if ("zh".equals(locale.getLanguage())) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
            }
            return Locale.SIMPLIFIED_CHINESE;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** {@code messages/registry_zh.properties} → {@code messages/registry}. */
    static TreeSet<String> bundleBasenames() {
        try {
            TreeSet<String> basenames = new TreeSet<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*_zh.properties")) {
                String file = resource.getFilename();
                basenames.add("messages/" + file.substring(0, file.length() - "_zh.properties".length()));
            }
            return basenames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
