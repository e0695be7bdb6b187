package setsunai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic scale data (java.util.Random, whose algorithm the JDK specifies, with a fixed seed): N titles and
 * M songs with usages, as NDJSON in the services' import formats (the records of the curated datasets), split into
 * chunks that stay under the services' 2 MB body limit. Also writes the request lists the load steps pick from.
 *
 * <p>Spread, modelled on the curated dataset and on real catalogues: tags drawn with the curated dataset's tag
 * frequencies (plus one, so every tag of tags.json occurs), 2 to 8 per title; endings and tearjerker scores with the
 * curated frequencies; formats mostly TV; years 1970-2025 skewed to recent ones; title lengths from one word to
 * light-novel-long sentences; studios, directors, artists and title words Zipf-distributed (a few very common, a
 * long tail); 1 to 8 songs per title depending on its format, about 5% of songs used in a second title.
 *
 * <pre>java -cp ... setsunai.bench.Generate &lt;catalog dataset dir&gt; &lt;out dir&gt; &lt;titles&gt; &lt;songs&gt; &lt;seed&gt;</pre>
 */
public final class Generate {

    static final int CHUNK_BYTES = 1_500_000;
    static final ObjectMapper JSON = new ObjectMapper();

    static final String[] WORDS = ("love summer letter promise memory rain snow sky star moon night light sea flower "
            + "sakura spring autumn winter tomorrow yesterday goodbye farewell heart tears dream wish song voice train "
            + "station road window garden river bridge town city school classroom rooftop festival fireworks umbrella "
            + "lantern clock time world end beginning last first forever never always someday again you me us girl boy "
            + "angel ghost android witch knight princess soldier pianist violinist painter poet doctor stranger friend "
            + "sister brother mother father promise secret silence whisper echo shadow color blue red white golden "
            + "silver glass paper ribbon photograph diary message island lighthouse harbor mountain forest field sunset "
            + "dawn twilight horizon ocean wave wind cloud thunder storm petal butterfly bird cat fox wolf whale "
            + "hospital room bed letterbox postcard stamp melody requiem lullaby serenade waltz symphony concert stage "
            + "curtain mask mirror key door house home return journey distance kilometers centimeters seconds years "
            + "days hours minutes heartbeat breath pulse fever scar wound bandage medicine miracle prayer wishbone "
            + "lost found broken falling fading burning frozen hidden quiet gentle cruel beautiful lonely little "
            + "eternal fleeting distant forgotten remembered unspoken unfinished invisible").split(" ");
    static final String[] ROMAJI = ("kimi boku watashi no wa ga to ni de sora hoshi tsuki yume koi ai namida uta "
            + "koe hana sakura natsu fuyu haru aki yuki ame kaze umi hikari yoru asa ashita kinou sayonara arigatou "
            + "tegami yakusoku kioku kokoro mirai kako eien hitomi te negai inori kiseki shinzou kizuna tomodachi "
            + "senpai kouhai gakkou densha eki machi mori kawa hashi mado heya ie tabi michi owari hajimari saigo "
            + "hajimete mou ichido itsuka zutto shiranai wasurenai kienai todokanai mienai kanashii samishii "
            + "yasashii utsukushii chiisana ookina aoi akai shiroi kin gin kagami kagi tobira").split(" ");
    static final String[] GIVEN = ("Haruki Yuki Sora Aoi Ren Hina Takumi Mio Kaito Sakura Riku Akari Sota Yui Hayato "
            + "Nanami Daiki Misaki Kenta Ayaka Shun Rina Yuto Mai Kazuki Emi Ryota Nao Tomoya Kaori Shoko Itsuki "
            + "Minami Takeshi Asuka Naoki Chihiro Kosei Kaoru Tsubasa Yuzuru Hotaru Kyo Ruka Makoto Shinji Rei "
            + "Satoshi Hiroshi Mamoru Isao Mitsuo Noriko Keiko").split(" ");
    static final String[] FAMILY = ("Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida "
            + "Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto "
            + "Ishikawa Ogawa Okada Goto Hasegawa Murakami Kondō Ishii Saitō Sakamoto Endō Aoki Fujii Nishimura "
            + "Fukuda Ōta Miura Fujiwara Okamoto Matsuda Nakagawa Nakano Harada Ono Tamura Takeuchi Kaneko").split(" ");
    static final String[] STUDIOS = ("Kyoto Animation|A-1 Pictures|P.A. Works|CoMix Wave Films|Madhouse|Production I.G|"
            + "J.C.Staff|Shaft|Sunrise|Bones|Studio Ghibli|Toei Animation|TMS Entertainment|Doga Kobo|Lerche|"
            + "CloverWorks|Wit Studio|MAPPA|Ufotable|David Production|Studio Deen|Silver Link|Feel|Brain's Base|"
            + "Kinema Citrus|Studio Pierrot|White Fox|Tatsunoko Production|Science SARU|8bit|Shin-Ei Animation|"
            + "Nippon Animation|Gainax|Trigger|Studio Bind|Lay-duce|Diomedéa|Satelight|Gonzo|Bridge").split("\\|");
    static final String[] STREAMING = {"Crunchyroll", "Netflix", "HIDIVE", "Amazon Prime Video", "Disney+", "Hulu",
            "Bilibili", "Muse Asia"};
    /** Service keys of the names above (bangumi-data's site keys where it has the service). */
    static final Map<String, String> STREAMING_KEYS = Map.of("Crunchyroll", "crunchyroll",
            "Netflix", "netflix", "HIDIVE", "hidive", "Amazon Prime Video", "prime", "Disney+", "disneyplus",
            "Hulu", "hulu", "Bilibili", "bilibili", "Muse Asia", "muse_asia");
    /**
     * BENCH_STREAMING_AS_NAMES=1: `streaming` as the plain names catalog-service took before its V6 (issue 14), so
     * that bench/ab.sh can load the same titles into a commit from before then (the links would all be refused).
     */
    static final boolean STREAMING_AS_NAMES = "1".equals(System.getenv("BENCH_STREAMING_AS_NAMES"));
    static final String[] SENTENCE_START = {"Years after", "When", "On the night", "In a quiet town where",
            "Before the", "After losing", "Every year", "Until the", "Because of a", "Long after"};

    final Random random;
    /**
     * Everyday words: 8,000 pronounceable pseudo-words, Zipf-distributed like the words of real text. Titles and
     * synopses mix them with the theme words above (which the search requests use), so a theme word occurs in a
     * realistic share of titles (the most common, "love", in about half of them, most in a few percent) instead of
     * in nearly all of them, as it would if every word of every synopsis came from a 250-word vocabulary.
     */
    final String[] filler;
    final List<String> tags = new ArrayList<>();
    final double[] tagWeights;

    Generate(long seed, Path datasetDir) throws IOException {
        random = new Random(seed);
        String[] syllables = ("ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho ma mi mu me "
                + "mo ya yu yo ra ri ru re ro wa ga gi gu ge go za ji zu ze zo ba bi bu be bo pa pi pu pe po an en in on "
                + "ar er or al el il ol ver tan del mor lin sar vel dor mis").split(" ");
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < 8000) {
            int n = 2 + random.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < n; i++) {
                w.append(syllables[random.nextInt(syllables.length)]);
            }
            words.add(w.toString());
        }
        filler = words.toArray(String[]::new);
        JsonNode tagFile = JSON.readTree(datasetDir.resolve("tags.json").toFile());
        tagFile.forEach(t -> tags.add(t.get("slug").asText()));
        tagWeights = new double[tags.size()];
        java.util.Arrays.fill(tagWeights, 1);
        for (JsonNode title : JSON.readTree(datasetDir.resolve("titles.json").toFile())) {
            for (JsonNode tag : title.path("tags")) {
                int i = tags.indexOf(tag.asText());
                if (i >= 0) {
                    tagWeights[i] += 1;
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path datasetDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int titles = Integer.parseInt(args[2]);
        int songs = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        Generate generator = new Generate(seed, datasetDir);
        long started = System.nanoTime();
        List<TitleRef> refs = generator.titles(titles, out.resolve("titles"));
        int usages = generator.songs(songs, refs, out.resolve("songs"));
        generator.requestLists(refs, datasetDir, out.resolve("paths"));
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("slugs.txt"))) {
            for (TitleRef r : refs) {
                w.write(r.slug);
                w.newLine();
            }
        }
        System.out.printf(Locale.ROOT, "generated %d titles and %d songs (%d usages), seed %d, in %.1f s%n",
                titles, songs, usages, seed, (System.nanoTime() - started) / 1e9);
    }

    record TitleRef(String slug, String name, String format, int year) {
    }

    // ---- titles ------------------------------------------------------------------------------------------------

    List<TitleRef> titles(int count, Path dir) throws IOException {
        List<TitleRef> refs = new ArrayList<>(count);
        try (ChunkWriter out = new ChunkWriter(dir, "titles")) {
            for (int i = 0; i < count; i++) {
                ObjectNode t = JSON.createObjectNode();
                String name = titleName();
                String slug = slug(name, 90) + "-" + Integer.toString(i, 36);
                String format = pick(new String[] {"TV", "MOVIE", "OVA", "ONA", "SPECIAL"}, new double[] {55, 20, 10, 10, 5});
                int year = 1970 + (int) Math.floor(55.99 * Math.sqrt(random.nextDouble()));
                t.put("slug", slug);
                t.put("title", name);
                t.put("nativeTitle", romaji());
                ArrayNode alt = t.putArray("alternativeTitles");
                int alts = random.nextInt(4);
                for (int a = 0; a < alts; a++) {
                    alt.add(a == 0 ? accented(romaji()) : titleName());
                }
                t.put("format", format);
                int episodes = switch (format) {
                    case "TV" -> pick(new Integer[] {12, 13, 24, 25, 26, 11, 10, 50}, new double[] {40, 25, 15, 8, 6, 3, 2, 1});
                    case "OVA" -> 1 + random.nextInt(6);
                    case "ONA" -> 1 + random.nextInt(24);
                    default -> 1;
                };
                t.put("episodes", episodes);
                t.put("year", year);
                t.put("season", new String[] {"WINTER", "SPRING", "SUMMER", "FALL"}[random.nextInt(4)]);
                ArrayNode studios = t.putArray("studios");
                studios.add(studio());
                if (random.nextInt(10) == 0) {
                    studios.add(studio());
                }
                t.putArray("directors").add(person());
                t.put("source", pick(new String[] {"MANGA", "ORIGINAL", "LIGHT_NOVEL", "VISUAL_NOVEL", "NOVEL", "GAME",
                        "WEB_NOVEL", "OTHER"}, new double[] {36, 30, 12, 10, 7, 2, 2, 1}));
                t.put("synopsis", synopsis());
                ArrayNode tagArray = t.putArray("tags");
                for (String tag : distinct(2 + random.nextInt(7), tags.toArray(String[]::new), tagWeights)) {
                    tagArray.add(tag);
                }
                t.put("ending", pick(new String[] {"BITTERSWEET", "HOPEFUL", "TRAGIC", "OPEN"}, new double[] {21, 16, 13, 6}));
                t.put("tearjerker", pick(new Integer[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
                        new double[] {1, 2, 2, 2, 5, 7, 12, 14, 9, 3}));
                ArrayNode streaming = t.putArray("streaming");
                for (String s : distinct(random.nextInt(3), STREAMING, null)) {
                    if (STREAMING_AS_NAMES) {
                        streaming.add(s);
                        continue;
                    }
                    // catalog-service's link shape since issue 14; no page known for generated titles
                    ObjectNode link = streaming.addObject();
                    link.put("service", STREAMING_KEYS.get(s)).put("name", s).putNull("url");
                    link.putArray("regions");
                }
                ObjectNode ids = t.putObject("externalIds");
                ids.put("mal", 100_000 + i);
                ids.put("anilist", 200_000 + i);
                out.write(JSON.writeValueAsString(t));
                refs.add(new TitleRef(slug, name, format, year));
            }
        }
        return refs;
    }

    String titleName() {
        int words = pick(new Integer[] {1, 2, 3, 4, 5, 6, 8, 10, 14, 18}, new double[] {8, 22, 25, 18, 10, 6, 4, 3, 2, 2});
        StringBuilder name = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = random.nextBoolean() ? zipf(WORDS, 0.8) : zipf(filler, 1.0);
            if (w > 0) {
                name.append(w % 5 == 3 ? " of the " : " ");
            }
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        if (random.nextInt(8) == 0) {
            name.append(random.nextBoolean() ? ": " : " ").append(random.nextInt(3) == 0 ? "The Movie" : "Season " + (2 + random.nextInt(3)));
        }
        return name.toString();
    }

    String romaji() {
        int words = 1 + random.nextInt(6);
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = zipf(ROMAJI, 0.8);
            s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            if (w < words - 1) {
                s.append(' ');
            }
        }
        return s.toString();
    }

    static String accented(String romaji) {
        return romaji.replace("ou", "ō").replace("uu", "ū");
    }

    String synopsis() {
        int sentences = 2 + random.nextInt(4);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            s.append(SENTENCE_START[random.nextInt(SENTENCE_START.length)]).append(' ');
            int words = 8 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                String word = w == 2 ? person() : random.nextInt(10) == 0 ? zipf(WORDS, 1.0) : zipf(filler, 1.0);
                s.append(word).append(w < words - 1 ? (w % 6 == 5 ? ", " : " ") : ". ");
            }
        }
        return s.toString().trim();
    }

    String person() {
        return zipf(GIVEN, 0.7) + " " + zipf(FAMILY, 0.7) + (random.nextInt(4) == 0 ? "" : "");
    }

    String studio() {
        // 40 real studio names carry most titles; a long tail of small studios takes the rest.
        if (random.nextInt(10) < 7) {
            return zipf(STUDIOS, 1.0);
        }
        return "Studio " + cap(zipf(WORDS, 0.5)) + " " + (1 + random.nextInt(20));
    }

    // ---- songs -------------------------------------------------------------------------------------------------

    int songs(int count, List<TitleRef> titles, Path dir) throws IOException {
        // How many songs each title gets: TV series have openings and endings (often two cours), films a theme.
        int[] perTitle = new int[titles.size()];
        int total = 0;
        for (int i = 0; i < titles.size(); i++) {
            perTitle[i] = switch (titles.get(i).format) {
                case "TV" -> 2 + random.nextInt(5);
                case "MOVIE" -> 1 + random.nextInt(2);
                default -> 1 + random.nextInt(3);
            };
            total += perTitle[i];
        }
        // Scale to exactly `count` songs, keeping at least one per title where possible.
        List<Integer> owners = new ArrayList<>(count);
        double scale = (double) count / total;
        for (int i = 0; i < titles.size() && owners.size() < count; i++) {
            int n = Math.max(1, (int) Math.round(perTitle[i] * scale));
            for (int k = 0; k < n && owners.size() < count; k++) {
                owners.add(i);
            }
        }
        while (owners.size() < count) {
            owners.add(random.nextInt(titles.size()));
        }
        int artists = Math.max(50, count / 15);
        int usages = 0;
        int[] sequence = new int[titles.size()];
        try (ChunkWriter out = new ChunkWriter(dir, "songs")) {
            for (int s = 0; s < count; s++) {
                TitleRef title = titles.get(owners.get(s));
                int owner = owners.get(s);
                ObjectNode song = JSON.createObjectNode();
                String name = songTitle();
                song.put("slug", slug(name, 80) + "-" + Integer.toString(s, 36));
                song.put("title", name);
                song.put("nativeTitle", random.nextInt(3) == 0 ? null : romaji());
                ArrayNode credits = song.putArray("artists");
                int performer = zipfIndex(artists, 1.05);
                credits.add(credit(performer, "PERFORMER"));
                if (random.nextInt(3) == 0) {
                    int composer = zipfIndex(artists, 1.05);
                    if (composer != performer) {
                        credits.add(credit(composer, "COMPOSER"));
                    }
                }
                if (random.nextInt(5) == 0) {
                    credits.add(credit(performer, "LYRICIST"));
                }
                song.put("year", Math.min(2100, title.year + (random.nextInt(5) == 0 ? 1 : 0)));
                song.put("single", random.nextInt(4) == 0 ? null : name);
                ArrayNode moods = song.putArray("moods");
                for (String m : distinct(1 + random.nextInt(3), new String[] {"LONGING", "HOPE", "GRIEF", "FAREWELL",
                        "BREAKUP", "UNREQUITED"}, new double[] {60, 44, 37, 26, 12, 10})) {
                    moods.add(m);
                }
                song.put("description", "A " + zipf(WORDS, 0.9) + " song about " + zipf(WORDS, 0.9) + " and "
                        + zipf(WORDS, 0.9) + ".");
                ArrayNode uses = song.putArray("usages");
                int seq = ++sequence[owner];
                uses.add(usage(title, title.format.equals("MOVIE") ? "THEME"
                        : seq % 2 == 1 ? "OPENING" : (random.nextInt(6) == 0 ? "INSERT" : "ENDING"), (seq + 1) / 2));
                usages++;
                if (random.nextInt(20) == 0) {
                    TitleRef other = titles.get(random.nextInt(titles.size()));
                    if (!other.slug.equals(title.slug)) {
                        uses.add(usage(other, "INSERT", null));
                        usages++;
                    }
                }
                out.write(JSON.writeValueAsString(song));
            }
        }
        return usages;
    }

    String songTitle() {
        int words = pick(new Integer[] {1, 2, 3, 4, 5, 7}, new double[] {25, 30, 20, 12, 8, 5});
        StringBuilder s = new StringBuilder();
        boolean japanese = random.nextBoolean();
        for (int w = 0; w < words; w++) {
            String word = japanese ? zipf(ROMAJI, 0.8) : random.nextBoolean() ? zipf(WORDS, 0.8) : zipf(filler, 1.0);
            s.append(w == 0 ? cap(word) : word).append(w < words - 1 ? " " : "");
        }
        return s.toString();
    }

    ObjectNode credit(int artist, String role) {
        ObjectNode c = JSON.createObjectNode();
        String name = GIVEN[artist % GIVEN.length] + " " + FAMILY[(artist / GIVEN.length) % FAMILY.length];
        if (artist % 3 == 0) {
            name = cap(WORDS[artist % WORDS.length]) + " " + cap(WORDS[(artist / WORDS.length) % WORDS.length]);
        }
        c.put("slug", slug(name, 60) + "-" + Integer.toString(artist, 36));
        c.put("name", name);
        c.put("role", role);
        return c;
    }

    static ObjectNode usage(TitleRef title, String role, Integer sequence) {
        ObjectNode u = JSON.createObjectNode();
        u.put("titleSlug", title.slug);
        u.put("titleName", title.name);
        u.put("role", role);
        if (sequence == null || role.equals("THEME") || role.equals("INSERT")) {
            u.putNull("sequence");
        } else {
            u.put("sequence", sequence);
        }
        u.putNull("episodes");
        u.putNull("note");
        return u;
    }

    // ---- request lists for the load steps ---------------------------------------------------------------------

    void requestLists(List<TitleRef> refs, Path datasetDir, Path dir) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(random.nextLong());
        List<String> curated = new ArrayList<>();
        JSON.readTree(datasetDir.resolve("titles.json").toFile()).forEach(t -> curated.add(t.get("slug").asText()));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add("/api/titles/" + curated.get(r.nextInt(curated.size())));
        }
        Files.write(dir.resolve("curated-title.txt"), lines);
        lines.clear();
        for (int i = 0; i < 2000; i++) {
            lines.add("/api/titles/" + refs.get(r.nextInt(refs.size())).slug);
        }
        Files.write(dir.resolve("scale-title.txt"), lines);
        // Full text with two filters: one or two title words (Zipf: some match thousands of titles, most far fewer),
        // a tag (curated frequencies) and a format.
        lines.clear();
        for (int i = 0; i < 1000; i++) {
            String q = zipf(WORDS, 1.0) + (r.nextInt(10) < 3 ? "+" + zipf(WORDS, 1.0) : "");
            String tag = pick(tags.toArray(String[]::new), tagWeights);
            String format = r.nextInt(3) == 0 ? "MOVIE" : "TV";
            lines.add("/api/titles?q=" + q + "&tag=" + tag + "&format=" + format);
        }
        Files.write(dir.resolve("search.txt"), lines);
        // The songs batch: 20 random title slugs per request (what the gateway sends for a page of titles).
        lines.clear();
        for (int i = 0; i < 1000; i++) {
            StringBuilder path = new StringBuilder("/api/songs?size=100");
            for (int k = 0; k < 20; k++) {
                path.append("&title=").append(refs.get(r.nextInt(refs.size())).slug);
            }
            lines.add(path.toString());
        }
        Files.write(dir.resolve("songs-batch20.txt"), lines);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    final java.util.Map<String, double[]> zipfTables = new java.util.HashMap<>();

    String zipf(String[] values, double s) {
        return values[zipfIndex(values.length, s)];
    }

    int zipfIndex(int n, double s) {
        double[] cumulative = zipfTables.computeIfAbsent(n + "/" + s, k -> {
            double[] c = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                c[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                c[i] /= sum;
            }
            return c;
        });
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(n - 1, i < 0 ? -i - 1 : i);
    }

    <T> T pick(T[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    List<String> distinct(int n, String[] values, double[] weights) {
        Set<String> chosen = new LinkedHashSet<>();
        int guard = 0;
        while (chosen.size() < Math.min(n, values.length) && guard++ < 1000) {
            chosen.add(weights == null ? values[random.nextInt(values.length)] : pick(values, weights));
        }
        return new ArrayList<>(chosen);
    }

    static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String slug(String text, int max) {
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > max) {
            s = s.substring(0, max).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "x" : s;
    }

    /** NDJSON files of at most CHUNK_BYTES each (the services refuse bodies over 2 MB). */
    static final class ChunkWriter implements AutoCloseable {
        private final Path dir;
        private final String prefix;
        private BufferedWriter current;
        private long bytes;
        private int index;

        ChunkWriter(Path dir, String prefix) throws IOException {
            this.dir = dir;
            this.prefix = prefix;
            Files.createDirectories(dir);
        }

        void write(String line) throws IOException {
            int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (current == null || bytes + size > CHUNK_BYTES) {
                close();
                current = Files.newBufferedWriter(dir.resolve(String.format(Locale.ROOT, "%s-%04d.ndjson", prefix, ++index)));
                bytes = 0;
            }
            current.write(line);
            current.write('\n');
            bytes += size;
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
