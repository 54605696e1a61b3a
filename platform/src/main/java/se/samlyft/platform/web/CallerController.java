package se.samlyft.platform.web;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.tenancy.TenantId;

/** {@code GET <base-path>/me}: what this service understood of the caller's token. */
@RestController
class CallerController {

    private final String service;

    CallerController(@Value("${spring.application.name}") String service) {
        this.service = service;
    }

    @GetMapping("${samlyft.api.base-path}/me")
    CallerView me(@AuthenticationPrincipal Jwt token) {
        Caller caller = Caller.from(token);
        return new CallerView(
                service, caller.tenant().map(TenantId::value).orElse(null), caller.username(), caller.roles());
    }

    record CallerView(String service, @Nullable String tenant, String username, Set<String> roles) {}
}
