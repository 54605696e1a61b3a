package se.samlyft.platform.problem.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The platform's rule on the NUL character (U+0000): no text a client sends may hold one. PostgreSQL cannot store it
 * in a text column, so without the rule a NUL reached the database and became a 500; with it, a request with a NUL in
 * any string of its JSON body or in a query parameter is a 400 problem naming the field, before any service code runs.
 */
public final class NulCharacters {

    /** What a problem says about the field. */
    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    private NulCharacters() {}

    /** The Jackson module that refuses every JSON string holding a NUL, wherever it is in the body. */
    public static JacksonModule jsonModule() {
        return new SimpleModule("samlyft-text-without-nul").addDeserializer(String.class, new TextWithoutNul());
    }

    static boolean holdsNul(@Nullable String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** A JSON string with a NUL; the problem names the field by the exception's path. */
    static final class NulInText extends InvalidFormatException {

        private static final long serialVersionUID = 1L;

        NulInText(JsonParser parser) {
            super(parser, "A text holds the NUL character", "", String.class);
        }
    }

    /** Jackson's own reading of strings, then the rule. */
    private static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (holdsNul(text)) {
                throw new NulInText(parser);
            }
            return text;
        }
    }

    /** Refuses a query parameter whose name or value holds a NUL, naming the parameter. */
    public static final class QueryFilter extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String query = request.getQueryString();
            return query == null || !query.toLowerCase(Locale.ROOT).contains("%00");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            for (String pair : request.getQueryString().split("&")) {
                int equals = pair.indexOf('=');
                String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
                if (holdsNul(name) || holdsNul(value)) {
                    String field = name.replace("\u0000", "");
                    ProblemResponses.write(
                            request, response, ProblemResponses.invalidField(field.isBlank() ? null : field, MESSAGE));
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        private static String decoded(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return text;
            }
        }
    }
}
