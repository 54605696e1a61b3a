package se.samlyft.identity.hrimport;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** HR exports for tests: written line by line, or generated with Swedish names. */
public final class HrFiles {

    public static final String HEADER =
            "förnamn;efternamn;e-post;personnummer;arbetsplatskod;arbetsplats;yrke;chefens e-post;kön;födelseår;"
                    + "utbildningsnivå;roller";

    private static final String[] GIVEN = {
        "Anna", "Eva", "Maria", "Karin", "Kerstin", "Lena", "Ingrid", "Marie", "Sara", "Åsa", "Märta", "Elin",
        "Linnéa", "Björn", "Lars", "Mikael", "Johan", "Per", "Nils", "Örjan", "Ali", "Fatima", "Amina", "Yusuf"
    };
    private static final String[] FAMILY = {
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Lindström", "Åberg", "Öberg", "Sjöström", "Wikström", "Lindqvist", "Bergström", "Holmgren",
        "Hassan", "Mohammed", "Ström", "Näslund", "Lundgren", "Häggström"
    };
    private static final String[][] WORKPLACES = {
        {"hemtjanst-centrum", "Hemtjänst Centrum"},
        {"hemtjanst-norr", "Hemtjänst Norr"},
        {"sarskilt-boende-ringen", "Särskilt boende Ringen"},
        {"sarskilt-boende-bjorken", "Särskilt boende Björken"},
        {"personlig-assistans", "Personlig assistans"},
        {"korttidsboende-solrosen", "Korttidsboendet Solrosen"}
    };
    private static final String[] OCCUPATIONS = {
        "undersköterska", "undersköterska", "vårdbiträde", "personlig assistent", "sjuksköterska"
    };
    private static final String[] EDUCATION = {"förgymnasial", "gymnasial", "gymnasial", "eftergymnasial", "okänd"};

    private HrFiles() {}

    /** The header and these lines, joined with CRLF, in {@code charset}. */
    public static byte[] file(Charset charset, String... lines) {
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(List.of(lines));
        return (String.join("\r\n", all) + "\r\n").getBytes(charset);
    }

    /**
     * A generated export of {@code people} care workers of {@code domain}, one manager per 25 (managers first), with
     * Swedish names; the same seed gives the same file.
     */
    public static byte[] generated(String domain, int people, long seed) {
        Random random = new Random(seed);
        int managers = Math.max(1, people / 25);
        String[] given = new String[people];
        String[] family = new String[people];
        String[] email = new String[people];
        for (int i = 0; i < people; i++) {
            given[i] = GIVEN[random.nextInt(GIVEN.length)];
            family[i] = FAMILY[random.nextInt(FAMILY.length)];
            email[i] = ascii(given[i] + "." + family[i]) + "." + i + "@" + domain;
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            boolean manager = i < managers;
            int team = manager ? i : random.nextInt(managers);
            String[] workplace = WORKPLACES[team % WORKPLACES.length];
            lines.add(String.join(
                    ";",
                    given[i],
                    family[i],
                    email[i],
                    "",
                    workplace[0],
                    workplace[1],
                    manager ? "chef" : OCCUPATIONS[random.nextInt(OCCUPATIONS.length)],
                    manager ? "" : email[team],
                    random.nextInt(10) < 8 ? "kvinna" : random.nextInt(5) == 0 ? "ej angivet" : "man",
                    String.valueOf(1960 + random.nextInt(45)),
                    EDUCATION[random.nextInt(EDUCATION.length)],
                    manager ? "manager participant" : "participant"));
        }
        return file(StandardCharsets.UTF_8, lines.toArray(String[]::new));
    }

    private static String ascii(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replace('å', 'a')
                .replace('ä', 'a')
                .replace('ö', 'o')
                .replace('é', 'e');
    }
}
