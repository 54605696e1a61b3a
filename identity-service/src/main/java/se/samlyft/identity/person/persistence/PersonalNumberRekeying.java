package se.samlyft.identity.person.persistence;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Seals every personal identity number again with the current key, after a new one was set, so that the previous key
 * can be retired: a few hundred people to a transaction, in the scope of every organisation. Safe to repeat and to run
 * beside the service's own work: a row is locked while it is sealed again, and one sealed already is left alone.
 */
@Component
class PersonalNumberRekeying {

    private static final Logger log = LoggerFactory.getLogger(PersonalNumberRekeying.class);

    private static final int BATCH = 500;

    /** The key id of a ciphertext in SQL: the bytes after the format byte and the length byte. */
    private static final String KEY_ID = "convert_from(substring(personal_number_cipher from 3 for"
            + " get_byte(personal_number_cipher, 1)), 'UTF8')";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PersonalNumberCipher cipher;

    PersonalNumberRekeying(JdbcClient jdbc, PlatformTransactionManager transactions, PersonalNumberCipher cipher) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.cipher = cipher;
    }

    /** How many personal identity numbers each key has sealed. */
    Map<String, Long> sealedByKey() {
        return TenantContext.callAs(
                everyOrganisation(),
                () -> transaction.execute(status -> {
                    Map<String, Long> counts = new TreeMap<>();
                    jdbc.sql("select " + KEY_ID + " as key_id, count(*) as people from person"
                                    + " where personal_number_cipher is not null group by 1")
                            .query(row -> {
                                counts.put(row.getString("key_id"), row.getLong("people"));
                            });
                    return counts;
                }));
    }

    /** Seals every number that another key sealed with the current one; how many. */
    int sealAgainWithTheCurrentKey() {
        TenantScope scope = everyOrganisation();
        String current = cipher.currentKeyId();
        int total = 0;
        int done;
        do {
            done = TenantContext.callAs(
                    scope,
                    () -> transaction.execute(status -> {
                        Map<UUID, byte[]> sealed = new TreeMap<>();
                        jdbc.sql(
                                        "select id, personal_number_cipher from person where personal_number_cipher is not null and "
                                                + KEY_ID + " <> ? order by id limit ? for update")
                                .params(current, BATCH)
                                .query(row -> {
                                    sealed.put(row.getObject("id", UUID.class), row.getBytes("personal_number_cipher"));
                                });
                        sealed.forEach((id, old) -> jdbc.sql(
                                        "update person set personal_number_cipher = ? where id = ?")
                                .params(cipher.encrypt(cipher.decrypt(old, id), id), id)
                                .update());
                        return sealed.size();
                    }));
            total += done;
        } while (done == BATCH);
        log.info("Sealed {} personal identity numbers again with key {}", total, current);
        return total;
    }

    /** Every organisation of the installation: the register has no row-level security. */
    private TenantScope everyOrganisation() {
        Set<TenantId> all = jdbc.sql("select slug from organisation").query(String.class).list().stream()
                .map(TenantId::of)
                .collect(Collectors.toSet());
        return new TenantScope(all);
    }
}
