package se.samlyft.integration.feed.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import se.samlyft.contracts.EventContracts;
import se.samlyft.integration.feed.EventTypeFilter;
import se.samlyft.integration.feed.Feed;
import se.samlyft.integration.feed.FeedCursor;
import se.samlyft.integration.feed.FeedPage;
import se.samlyft.integration.web.IntegrationPolicy;
import se.samlyft.platform.tenancy.TenantId;

/**
 * {@code GET /api/integrations/events}: the caller's organisation's feed, a page at a time, as a CloudEvents JSON batch
 * ({@code application/cloudevents-batch+json}) in feed order. The cursor of the next page is in the header
 * {@code Next-Cursor} and in a {@code Link} with {@code rel="next"}; a page shorter than {@code limit} means the reader
 * has caught up, and the same next cursor then returns the events that arrive later.
 */
@RestController
@RequestMapping("/api/integrations/events")
@Validated
class FeedController {

    static final String BATCH = "application/cloudevents-batch+json";
    static final String NEXT_CURSOR = "Next-Cursor";

    private final Feed feed;
    private final Set<String> published;

    FeedController(Feed feed, EventContracts contracts) {
        this.feed = feed;
        this.published = contracts.types();
    }

    @GetMapping(produces = {BATCH, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> events(
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable List<String> types,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        TenantId tenant = IntegrationPolicy.requireMayReadFeed();
        Optional<FeedCursor> cursor = Optional.ofNullable(after).map(text -> FeedCursor.parse(text, "after"));
        EventTypeFilter filter =
                types == null || types.isEmpty() ? null : EventTypeFilter.of(types, published, "types");
        FeedPage page = feed.page(tenant, cursor, filter, limit);
        UriComponentsBuilder next = UriComponentsBuilder.fromPath("/api/integrations/events")
                .queryParam("after", page.next())
                .queryParam("limit", limit);
        if (filter != null) {
            next.queryParam("types", String.join(",", filter.patterns()));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(BATCH + ";charset=UTF-8"))
                .header(NEXT_CURSOR, page.next().toString())
                .header("Link", "<" + next.build().toUriString() + ">; rel=\"next\"")
                .body("[" + String.join(",", page.events()) + "]");
    }
}
