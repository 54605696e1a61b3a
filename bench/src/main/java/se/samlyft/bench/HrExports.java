package se.samlyft.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;

/**
 * A municipality's HR export as identity-service's import reads it (UTF-8, {@code ;}, Swedish column names and
 * values): care workers with Swedish names that match their sex, valid personal identity numbers, a manager for every
 * 25 (managers first, each with a workplace of their own), occupations, education levels and birth years as in
 * elder care. Personal identity numbers are unique across the country: the {@code n}th person of the dataset has a
 * birth day and serial number that no other has.
 */
final class HrExports {

    static final String HEADER = "förnamn;efternamn;e-post;personnummer;arbetsplatskod;arbetsplats;yrke;chefens e-post;"
            + "kön;födelseår;utbildningsnivå;roller";

    static final int TEAM = 25;

    private static final String[] KINDS = {"Hemtjänst", "Särskilt boende", "Korttidsboende", "Personlig assistans"};
    private static final String[] PLACES = {
        "Centrum",
        "Norr",
        "Söder",
        "Öster",
        "Väster",
        "Solrosen",
        "Björken",
        "Linden",
        "Eken",
        "Åsgården",
        "Ängsbacken",
        "Tallbacken",
        "Lärkan",
        "Sjöudden",
        "Bäckgården",
        "Rönnen",
        "Hagaberg",
        "Strandängen"
    };
    private static final String[] OCCUPATIONS = {
        "undersköterska",
        "undersköterska",
        "undersköterska",
        "undersköterska",
        "vårdbiträde",
        "vårdbiträde",
        "personlig assistent",
        "sjuksköterska"
    };
    private static final String[] EDUCATION = {
        "förgymnasial", "gymnasial", "gymnasial", "gymnasial", "gymnasial", "eftergymnasial", "eftergymnasial", "okänd"
    };
    private static final LocalDate FIRST_BIRTH_DAY = LocalDate.of(1960, 1, 1);
    private static final int BIRTH_DAYS = 16_000;

    private HrExports() {}

    /**
     * The export of {@code municipality}'s care workers, who are persons {@code first} to {@code first + people - 1}
     * of the dataset.
     */
    static byte[] of(NationalDataset.Municipality municipality, long first, long seed) {
        Random random = new Random(seed ^ municipality.code().hashCode());
        int people = municipality.people();
        int managers = Math.max(1, (people + TEAM - 1) / TEAM);
        String domain = municipality.tenant() + ".samlyft.example";
        StringBuilder file = new StringBuilder(people * 140).append(HEADER).append("\r\n");
        String[] emails = new String[managers];
        for (int i = 0; i < people; i++) {
            long n = first + i;
            boolean manager = i < managers;
            int sex = random.nextInt(100);
            boolean man = sex >= 85 && sex < 98;
            String given = man
                    ? Swedish.MEN[skewed(random, Swedish.MEN.length)]
                    : Swedish.WOMEN[skewed(random, Swedish.WOMEN.length)];
            String family = Swedish.FAMILY[skewed(random, Swedish.FAMILY.length)];
            String email = Swedish.slug(given) + "." + Swedish.slug(family) + "." + n + "@" + domain;
            int team = manager ? i : random.nextInt(managers);
            if (manager) {
                emails[i] = email;
            }
            String workplace = KINDS[team % KINDS.length] + " " + PLACES[(team / KINDS.length) % PLACES.length]
                    + (team >= KINDS.length * PLACES.length ? " " + (team / (KINDS.length * PLACES.length) + 1) : "");
            LocalDate born = birthDay(n);
            file.append(given)
                    .append(';')
                    .append(family)
                    .append(';')
                    .append(email)
                    .append(';')
                    .append(personalNumber(n, man))
                    .append(';')
                    .append(Swedish.slug(workplace))
                    .append(';')
                    .append(workplace)
                    .append(';')
                    .append(manager ? "chef" : OCCUPATIONS[random.nextInt(OCCUPATIONS.length)])
                    .append(';')
                    .append(manager ? "" : emails[team])
                    .append(';')
                    .append(man ? "man" : sex >= 98 ? "ej angivet" : "kvinna")
                    .append(';')
                    .append(born.getYear())
                    .append(';')
                    .append(EDUCATION[random.nextInt(EDUCATION.length)])
                    .append(';')
                    .append(manager ? "manager participant" : "participant")
                    .append("\r\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The personal identity number {@code YYYYMMDD-NNNC} of the dataset's {@code n}th person: the birth day and the
     * serial number come from {@code n} so that no two persons share one, the serial's last digit is odd for a man and
     * even otherwise, and C is the Luhn check digit over YYMMDDNNN.
     */
    static String personalNumber(long n, boolean man) {
        LocalDate born = birthDay(n);
        long round = n / BIRTH_DAYS;
        if (round > 89) {
            throw new IllegalArgumentException("The dataset has room for " + 90 * BIRTH_DAYS + " persons, not " + n);
        }
        String serial = String.format("%02d%d", 10 + round, man ? 1 : 2);
        String date = String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth());
        String nine = date.substring(2) + serial;
        return date + "-" + serial + luhn(nine);
    }

    static LocalDate birthDay(long n) {
        return FIRST_BIRTH_DAY.plusDays((n * 7_919) % BIRTH_DAYS);
    }

    static int luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** An index into a list ordered most common first: the first entries come up far more often. */
    private static int skewed(Random random, int length) {
        double u = random.nextDouble();
        return Math.min(length - 1, (int) (length * u * u));
    }
}
