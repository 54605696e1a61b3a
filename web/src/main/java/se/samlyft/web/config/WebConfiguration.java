package se.samlyft.web.config;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The pages' language, Swedish unless the browser prefers English, and the clock they read the time from. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(SWEDISH, Locale.ENGLISH));
        resolver.setDefaultLocale(SWEDISH);
        return resolver;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
