package se.samlyft.platform.problem.web;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;

/**
 * Interpolates Bean Validation messages in English whatever the request's {@code Accept-Language} or the server's
 * default locale, so that every service names what is wrong with a field in the same words.
 */
final class EnglishMessageInterpolator implements MessageInterpolator {

    private final MessageInterpolator delegate;

    EnglishMessageInterpolator(MessageInterpolator delegate) {
        this.delegate = delegate;
    }

    @Override
    public String interpolate(String messageTemplate, Context context) {
        return delegate.interpolate(messageTemplate, context, Locale.ENGLISH);
    }

    @Override
    public String interpolate(String messageTemplate, Context context, Locale locale) {
        return delegate.interpolate(messageTemplate, context, Locale.ENGLISH);
    }
}
