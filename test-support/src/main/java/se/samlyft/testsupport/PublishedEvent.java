package se.samlyft.testsupport;

import org.apache.kafka.clients.producer.ProducerRecord;

/** An event a test publishes: the record its producing service would have written to its topic. */
public interface PublishedEvent {

    /** The record: topic, key, headers and the JSON body. */
    ProducerRecord<String, String> record();
}
