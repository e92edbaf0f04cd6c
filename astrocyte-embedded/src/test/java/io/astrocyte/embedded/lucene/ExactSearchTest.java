package io.astrocyte.embedded.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.spi.VectorItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact scan on a real index of several segments, with deleted documents and a filter, returns what scoring
 * every matching vector one by one returns, including the documents at each segment's edges.
 */
class ExactSearchTest {

    private static final int DIM = 32;

    @TempDir
    Path dir;

    private final Random random = new Random(5);
    private final Map<String, float[]> vectors = new java.util.HashMap<>();

    private float[] unit() {
        float[] v = new float[DIM];
        double norm = 0;
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < DIM; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @BeforeEach
    void fill() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, DIM, "random-" + DIM)) {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (int batch = 0; batch < 5; batch++) {
                List<VectorItem> items = new ArrayList<>();
                for (int i = 0; i < 1500; i++) {
                    String id = "m" + (batch * 1500 + i);
                    float[] v = unit();
                    vectors.put(id, v);
                    items.add(new VectorItem(id, i % 5 == 0 ? "other" : "b", v, "memory " + id, null, null, "world",
                            null, "fact", t.plusSeconds(batch * 1500L + i), id + "#0", "test", null));
                }
                store.storeVectors(items);
                store.commit(); // several segments
            }
            List<String> gone = new ArrayList<>();
            for (int i = 0; i < 7500; i += 7) {
                gone.add("m" + i);
            }
            store.delete(gone, "b");
        }
    }

    @Test
    void theScanFindsTheBestByScoringEveryMatchingVector() throws Exception {
        try (FSDirectory d = FSDirectory.open(dir.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(d)) {
            IndexSearcher s = new IndexSearcher(reader);
            assertThat(reader.leaves()).hasSizeGreaterThan(1);
            for (Query filter : List.of(new TermQuery(new Term(Fields.BANK, "b")), new MatchAllDocsQuery())) {
                int[][] matching = ExactSearch.matchingUpTo(s, filter, 100_000);
                int total = java.util.Arrays.stream(matching).mapToInt(m -> m.length).sum();
                assertThat(total).isGreaterThan(5000);
                assertThat(ExactSearch.matchingUpTo(s, filter, total - 1)).as("one more than the limit").isNull();
                List<float[]> queries = new ArrayList<>();
                for (int q = 0; q < 20; q++) {
                    queries.add(unit());
                }
                // the vectors of the documents at every edge: each segment's first and last
                List<Integer> edges = new ArrayList<>(List.of(0, total - 1));
                int position = 0;
                for (int[] docs : matching) {
                    if (docs.length > 0) {
                        edges.add(position);
                        edges.add(position + docs.length - 1);
                    }
                    position += docs.length;
                }
                for (int edge : edges) {
                    queries.add(vectors.get(idAt(s, matching, edge)));
                }
                for (float[] query : queries) {
                    List<String> expected = bruteForce(s, matching, query, 25);
                    assertThat(ids(s, ExactSearch.top(s, matching, query, 25))).isEqualTo(expected);
                }
            }
            assertThat(ExactSearch.top(s, ExactSearch.matchingUpTo(s, new MatchAllDocsQuery(), 100_000), unit(), 0))
                    .isEmpty();
        }
    }

    /** Every matching document scored on its own, sorted best first, ties by document. */
    private List<String> bruteForce(IndexSearcher s, int[][] matching, float[] query, int limit) throws Exception {
        List<ScoreDoc> all = new ArrayList<>();
        for (int i = 0; i < matching.length; i++) {
            int base = s.getIndexReader().leaves().get(i).docBase;
            for (int doc : matching[i]) {
                String id = s.storedFields().document(base + doc).get(Fields.ID);
                all.add(new ScoreDoc(base + doc, ExactSearch.unitScore(query, vectors.get(id))));
            }
        }
        all.sort(Comparator.<ScoreDoc>comparingDouble(sd -> -sd.score).thenComparingInt(sd -> sd.doc));
        return ids(s, all.subList(0, limit));
    }

    /** The id of the matching document at {@code position} in segment order. */
    private static String idAt(IndexSearcher s, int[][] matching, int position) throws Exception {
        for (int i = 0; i < matching.length; i++) {
            if (position < matching[i].length) {
                int base = s.getIndexReader().leaves().get(i).docBase;
                return s.storedFields().document(base + matching[i][position]).get(Fields.ID);
            }
            position -= matching[i].length;
        }
        throw new IllegalArgumentException("no such position");
    }

    private static List<String> ids(IndexSearcher s, List<ScoreDoc> docs) throws Exception {
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : docs) {
            out.add(s.storedFields().document(sd.doc).get(Fields.ID));
        }
        return out;
    }
}
