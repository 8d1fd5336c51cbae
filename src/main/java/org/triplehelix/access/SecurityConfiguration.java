package org.triplehelix.access;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;

/**
 * Sign-in and the rules of the web: who may call which URL, before any service runs its own
 * {@link DataScope} checks.
 *
 * <ul>
 * <li>Pages: form sign-in at {@code /login} with a session cookie (HttpOnly, SameSite=Lax, Secure
 *     when served over HTTPS), CSRF tokens on every form and htmx request, sign-out at
 *     {@code POST /logout}. Reading is open; writing needs an account.</li>
 * <li>{@code /api/**}: HTTP Basic over the same accounts for scripts (or the browser's session).
 *     Anonymous writes get 401, denials 403, both as RFC 9457 problem details; never a redirect.
 *     A write that carries no {@code Authorization} header rides on a session and needs the CSRF
 *     token.</li>
 * <li>Every response: a Content-Security-Policy without inline scripts, frame denial, nosniff,
 *     a referrer policy; request bodies are limited.</li>
 * </ul>
 * Passwords are hashed with bcrypt through Spring Security's delegating encoder ({@code {bcrypt}…}),
 * so a stronger algorithm can be adopted later and old hashes upgraded at sign-in. There is no
 * default account: {@link AccountDetailsService} being a bean keeps Spring Boot from making one.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The web application's filter chains; the command line has none. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder passwordEncoder,
                                                    ApplicationEventPublisher events) {
            DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
            provider.setPasswordEncoder(passwordEncoder);
            provider.setUserDetailsPasswordService(accounts);
            ProviderManager manager = new ProviderManager(provider);
            manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
            return manager;
        }

        @Bean
        ProblemResponses problemResponses(tools.jackson.databind.json.JsonMapper json) {
            return new ProblemResponses(json);
        }

        @Bean
        @Order(1)
        SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager, ProblemResponses problems,
                                AccountRepository accounts) throws Exception {
            http.securityMatcher("/api/**")
                    .authenticationManager(manager)
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers("/api/v1/audit/**").hasRole(Role.ADMIN.name())
                            .requestMatchers("/api/v1/users/**").hasAnyRole(Role.ADMIN.name(), Role.ORG_ADMIN.name())
                            .requestMatchers("/api/v1/me", "/api/v1/me/**").authenticated()
                            .requestMatchers("/api/v1/notifications", "/api/v1/notifications/**").authenticated()
                            .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                            .requestMatchers(HttpMethod.HEAD, "/api/**").permitAll()
                            .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                            .anyRequest().authenticated())
                    .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems::unauthorized))
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                    .csrf(csrf -> csrf.requireCsrfProtectionMatcher(writeRidingOnSession()))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
                            .accessDeniedHandler(problems::denied))
                    .requestCache(cache -> cache.disable())
                    .formLogin(form -> form.disable())
                    .logout(logout -> logout.disable())
                    .headers(SecurityConfiguration::headers)
                    .addFilterAfter(new AccountRefreshFilter(accounts), SecurityContextHolderFilter.class);
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager, SignInEvents signIns,
                                  AccountRepository accounts) throws Exception {
            http.authenticationManager(manager)
                    .authorizeHttpRequests(requests -> requests
                            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers("/admin/audit/**").hasRole(Role.ADMIN.name())
                            .requestMatchers("/admin/users/**").hasAnyRole(Role.ADMIN.name(), Role.ORG_ADMIN.name())
                            .requestMatchers("/account/**").authenticated()
                            .requestMatchers("/notifications", "/notifications/**").authenticated()
                            .requestMatchers("/login", "/register", "/register/**").permitAll()
                            .requestMatchers(HttpMethod.GET, "/**").permitAll()
                            .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                            .anyRequest().authenticated())
                    .formLogin(form -> form.loginPage("/login")
                            .usernameParameter("email")
                            .passwordParameter("password")
                            .successHandler(new SignInSuccess(signIns))
                            .failureUrl("/login?error"))
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                            .deleteCookies("JSESSIONID"))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst()))
                    .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                    .headers(SecurityConfiguration::headers)
                    .addFilterAfter(new AccountRefreshFilter(accounts), SecurityContextHolderFilter.class);
            return http.build();
        }

        /** Request bodies beyond the limit get 413 (multipart uploads have their own limit). */
        @Bean
        FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(@Value("${helix.max-request-body:2MB}") DataSize limit) {
            FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit.toBytes()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        NoAdministratorNotice noAdministratorNotice(UserAccounts accounts, org.triplehelix.shared.HelixProperties properties) {
            return new NoAdministratorNotice(accounts, properties);
        }

        /**
         * Writes with a session and without an Authorization header ride on the session cookie, so
         * they need the CSRF token. Without a session there is nothing to forge (and no session is
         * made for the token): the request goes on to be authenticated, or refused with 401.
         */
        private static RequestMatcher writeRidingOnSession() {
            return request -> !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())
                    && !HttpMethod.OPTIONS.matches(request.getMethod()) && !HttpMethod.TRACE.matches(request.getMethod())
                    && request.getHeader("Authorization") == null && request.getSession(false) != null;
        }

        /** The sign-in page, except for htmx requests: 401 and {@code HX-Redirect} so the whole page goes there. */
        private static AuthenticationEntryPoint signInFirst() {
            LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
            return (request, response, exception) -> {
                if (request.getHeader("HX-Request") != null) {
                    response.setHeader("HX-Redirect", "/login");
                    response.setStatus(401);
                } else {
                    loginPage.commence(request, response, exception);
                }
            };
        }
    }

    static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()"));
    }

    /** After a sign-in through the form: audit it, then go where the visitor was going. */
    static final class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

        private final SignInEvents signIns;

        SignInSuccess(SignInEvents signIns) {
            this.signIns = signIns;
        }

        @Override
        public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request,
                                            jakarta.servlet.http.HttpServletResponse response,
                                            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
            signIns.signedIn(authentication);
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
