package io.astrocyte.benchmarks.locomo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline {@code rrf-naive}: the {@code bm25} and {@code dense-lc4j} rankings fused by plain RRF
 * (k = 60, equal weights), nothing else. It reuses the two systems' indexes.
 */
final class NaiveRrfBaseline implements RetrievalSystem {

    private final RetrievalSystem keyword;
    private final RetrievalSystem dense;

    NaiveRrfBaseline(RetrievalSystem keyword, RetrievalSystem dense) {
        this.keyword = keyword;
        this.dense = dense;
    }

    @Override
    public String name() {
        return "rrf-naive";
    }

    @Override
    public void index(LocomoDataset.Conversation c, LocomoDataset.Turn turn) {
        // Indexed by the two fused systems.
    }

    @Override
    public List<Ranked> search(LocomoDataset.Conversation c, String question, int depth) {
        Map<String, double[]> score = new LinkedHashMap<>();
        Map<String, Ranked> byId = new LinkedHashMap<>();
        for (RetrievalSystem s : List.of(keyword, dense)) {
            int rank = 0;
            for (Ranked r : s.search(c, question, depth)) {
                rank++;
                score.computeIfAbsent(r.diaId(), id -> new double[1])[0] += 1.0 / (60 + rank);
                byId.putIfAbsent(r.diaId(), r);
            }
        }
        List<Ranked> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparingDouble((Ranked r) -> -score.get(r.diaId())[0]));
        return out.subList(0, Math.min(depth, out.size()));
    }
}
