package io.astrocyte.benchmarks.locomo;

import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.PipelineConfig;
import io.astrocyte.config.RecallConfig;
import io.astrocyte.config.RerankConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The recall settings {@code locomo-tune} compares, each a change of the default configuration. */
final class TuningVariants {

    private TuningVariants() {
    }

    static List<LocomoTuning.Variant> all() {
        List<LocomoTuning.Variant> v = new ArrayList<>();
        v.add(new LocomoTuning.Variant("default", c -> c));
        v.add(questionTime(new LocomoTuning.Variant("question-time", c -> c)));
        v.add(questionTime(recall("question-time+no-recency", r -> new RecallConfig(r.overfetch(), r.rrfK(),
                r.semanticWeight(), r.keywordWeight(), 0.0, r.temporalCandidates(), r.temporalHalfLifeDays(),
                r.minCandidates(), r.collapseChunks(), r.expansionWeight(), r.expansionTerms(), r.neighbors(),
                r.neighborFactor(), r.dateWeight()))));
        // the arms alone and plain fusion, as reference points inside the same index (chunked, collapsed)
        v.add(arms("dense-only", 1.0, 0.0));
        v.add(arms("keyword-only", 0.0, 1.0));
        v.add(arms("rrf-only", 1.0, 1.0));
        v.add(recall("no-neighbors", r -> new RecallConfig(r.overfetch(), r.rrfK(), r.semanticWeight(),
                r.keywordWeight(), r.temporalWeight(), r.temporalCandidates(), r.temporalHalfLifeDays(),
                r.minCandidates(), r.collapseChunks(), r.expansionWeight(), r.expansionTerms(), 0,
                r.neighborFactor())));
        v.add(recall("no-collapse", r -> new RecallConfig(r.overfetch(), r.rrfK(), r.semanticWeight(),
                r.keywordWeight(), r.temporalWeight(), r.temporalCandidates(), r.temporalHalfLifeDays(),
                r.minCandidates(), false)));
        v.add(rerank("rerank-off", r -> new RerankConfig(false, r.keywordBoost(), r.properNounBoost(),
                r.nameMissPenalty(), r.depth())));
        v.add(rerank("old-rerank", r -> new RerankConfig(r.enabled(), r.keywordBoost(), r.properNounBoost(),
                r.nameMissPenalty(), r.depth(), 0.0, false, 0.0)));
        v.add(rerank("additive-rerank", r -> new RerankConfig(r.enabled(), r.keywordBoost(), r.properNounBoost(),
                r.nameMissPenalty(), r.depth(), r.lengthNorm(), r.candidateIdf(), 0.0)));
        v.add(rerank("no-idf", r -> new RerankConfig(r.enabled(), r.keywordBoost(), r.properNounBoost(),
                r.nameMissPenalty(), r.depth(), r.lengthNorm(), false, r.fusionWeight())));
        for (double w : new double[] {0.5, 0.75, 1.5}) {
            v.add(recall("keyword-weight-" + w, r -> new RecallConfig(r.overfetch(), r.rrfK(), r.semanticWeight(), w,
                    r.temporalWeight(), r.temporalCandidates(), r.temporalHalfLifeDays(), r.minCandidates(),
                    r.collapseChunks())));
        }
        for (int k : new int[] {20, 30, 40, 60}) {
            v.add(recall("rrf-k-" + k, r -> new RecallConfig(r.overfetch(), k, r.semanticWeight(), r.keywordWeight(),
                    r.temporalWeight(), r.temporalCandidates(), r.temporalHalfLifeDays(), r.minCandidates(),
                    r.collapseChunks())));
        }
        for (double w : new double[] {0.25, 0.5, 1.0}) {
            for (int t : new int[] {3, 5, 8}) {
                v.add(recall("expansion-" + w + "x" + t, r -> new RecallConfig(r.overfetch(), r.rrfK(),
                        r.semanticWeight(), r.keywordWeight(), r.temporalWeight(), r.temporalCandidates(),
                        r.temporalHalfLifeDays(), r.minCandidates(), r.collapseChunks(), w, t, r.neighbors(),
                        r.neighborFactor())));
            }
        }
        for (int n : new int[] {1, 3, 5, 10}) {
            for (double f : new double[] {0.5, 0.8, 0.95}) {
                v.add(recall("neighbors-" + n + "x" + f, r -> new RecallConfig(r.overfetch(), r.rrfK(),
                        r.semanticWeight(), r.keywordWeight(), r.temporalWeight(), r.temporalCandidates(),
                        r.temporalHalfLifeDays(), r.minCandidates(), r.collapseChunks(), r.expansionWeight(),
                        r.expansionTerms(), n, f)));
            }
        }
        for (double f : new double[] {0.5, 0.8}) {
            v.add(recall("neighbors-3x" + f + "+expansion-0.25x3", r -> new RecallConfig(r.overfetch(), r.rrfK(),
                    r.semanticWeight(), r.keywordWeight(), r.temporalWeight(), r.temporalCandidates(),
                    r.temporalHalfLifeDays(), r.minCandidates(), r.collapseChunks(), 0.25, 3, 3, f)));
        }
        for (double n : new double[] {0.25, 0.5, 1.0}) {
            v.add(rerank("length-norm-" + n, r -> new RerankConfig(r.enabled(), r.keywordBoost(), r.properNounBoost(),
                    r.nameMissPenalty(), r.depth(), n, r.candidateIdf(), r.fusionWeight())));
        }
        for (double w : new double[] {0.5, 1.0, 1.5, 2.0, 3.0}) {
            v.add(rerank("lexical-ranking-" + w, r -> new RerankConfig(r.enabled(), r.keywordBoost(),
                    r.properNounBoost(), r.nameMissPenalty(), r.depth(), r.lengthNorm(), r.candidateIdf(), w)));
        }
        for (double b : new double[] {0.025, 0.1}) {
            v.add(rerank("keyword-boost-" + b, r -> new RerankConfig(r.enabled(), b, r.properNounBoost(),
                    r.nameMissPenalty(), r.depth(), r.lengthNorm(), r.candidateIdf(), r.fusionWeight())));
        }
        for (double w : new double[] {0.0, 0.25, 0.5, 1.0, 2.0}) {
            for (int d : new int[] {5, 10, 20, 30}) {
                v.add(recall("replies-" + w + "x" + d, r -> new RecallConfig(r.overfetch(), r.rrfK(), r.semanticWeight(),
                        r.keywordWeight(), r.temporalWeight(), r.temporalCandidates(), r.temporalHalfLifeDays(),
                        r.minCandidates(), r.collapseChunks(), r.expansionWeight(), r.expansionTerms(), r.neighbors(),
                        r.neighborFactor(), r.dateWeight(), w, d)));
            }
        }
        for (double w : new double[] {0.75, 1.25, 1.5}) {
            v.add(recall("semantic-weight-" + w, r -> new RecallConfig(r.overfetch(), r.rrfK(), w, r.keywordWeight(),
                    r.temporalWeight(), r.temporalCandidates(), r.temporalHalfLifeDays(), r.minCandidates(),
                    r.collapseChunks(), r.expansionWeight(), r.expansionTerms(), r.neighbors(), r.neighborFactor(),
                    r.dateWeight())));
        }
        for (int d : new int[] {30, 100}) {
            v.add(rerank("rerank-depth-" + d, r -> new RerankConfig(r.enabled(), r.keywordBoost(), r.properNounBoost(),
                    r.nameMissPenalty(), d, r.lengthNorm(), r.candidateIdf(), r.fusionWeight())));
        }
        for (double w : new double[] {0.0, 0.5, 1.0, 2.0}) {
            v.add(recall("date-weight-" + w, r -> withDateWeight(r, w)));
            v.add(questionTime(recall("question-time+date-weight-" + w, r -> withDateWeight(r, w))));
        }
        // the keyword strategy's and the word ranking's weights together (what a dataset that paraphrases needs less)
        // how much of the dense and keyword strategies' fusion follows their scores (0: plain RRF)
        for (double share : new double[] {0.0, 0.5, 0.75}) {
            v.add(recall("score-fusion-" + share, r -> r.withScoreFusion(share)));
        }
        for (double kw : new double[] {0.5, 0.6, 0.75, 1.0}) {
            for (double lex : new double[] {1.0, 1.5, 2.0}) {
                v.add(new LocomoTuning.Variant("keyword-" + kw + "+lexical-" + lex, c -> {
                    RecallConfig r = c.pipeline().recall();
                    RerankConfig k = c.pipeline().rerank();
                    return c.withPipeline(new PipelineConfig(c.pipeline().chunker(), new RecallConfig(r.overfetch(),
                            r.rrfK(), r.semanticWeight(), kw, r.temporalWeight(), r.temporalCandidates(),
                            r.temporalHalfLifeDays(), r.minCandidates(), r.collapseChunks(), r.expansionWeight(),
                            r.expansionTerms(), r.neighbors(), r.neighborFactor(), r.dateWeight(), r.replyWeight(),
                            r.replyDepth()), new RerankConfig(k.enabled(), k.keywordBoost(), k.properNounBoost(),
                            k.nameMissPenalty(), k.depth(), k.lengthNorm(), k.candidateIdf(), lex),
                            c.pipeline().reflect()));
                }));
            }
        }
        return v;
    }

    private static RecallConfig withDateWeight(RecallConfig r, double w) {
        return new RecallConfig(r.overfetch(), r.rrfK(), r.semanticWeight(), r.keywordWeight(), r.temporalWeight(),
                r.temporalCandidates(), r.temporalHalfLifeDays(), r.minCandidates(), r.collapseChunks(),
                r.expansionWeight(), r.expansionTerms(), r.neighbors(), r.neighborFactor(), w);
    }

    /** The variant with recall told the question's time. */
    static LocomoTuning.Variant questionTime(LocomoTuning.Variant v) {
        return new LocomoTuning.Variant(v.name(), v.change(), true);
    }

    /**
     * Semantic and keyword arms at the given weights, fused by rank: no recency, dated strategy, rerank, neighbours,
     * replies or scores.
     */
    static LocomoTuning.Variant arms(String name, double semantic, double keyword) {
        return new LocomoTuning.Variant(name, c -> {
            RecallConfig r = c.pipeline().recall();
            RerankConfig k = c.pipeline().rerank();
            return c.withPipeline(new PipelineConfig(c.pipeline().chunker(), new RecallConfig(r.overfetch(), r.rrfK(),
                    semantic, keyword, 0.0, r.temporalCandidates(), r.temporalHalfLifeDays(), r.minCandidates(),
                    true, 0.0, r.expansionTerms(), 0, r.neighborFactor(), 0.0, 0.0, r.replyDepth())
                    .withScoreFusion(0.0),
                    new RerankConfig(false, k.keywordBoost(),
                    k.properNounBoost(), k.nameMissPenalty(), k.depth()), c.pipeline().reflect()));
        });
    }

    static LocomoTuning.Variant recall(String name, UnaryOperator<RecallConfig> change) {
        return new LocomoTuning.Variant(name, c -> c.withPipeline(new PipelineConfig(c.pipeline().chunker(),
                change.apply(c.pipeline().recall()), c.pipeline().rerank(), c.pipeline().reflect())));
    }

    static LocomoTuning.Variant rerank(String name, UnaryOperator<RerankConfig> change) {
        return new LocomoTuning.Variant(name, c -> c.withPipeline(new PipelineConfig(c.pipeline().chunker(),
                c.pipeline().recall(), change.apply(c.pipeline().rerank()), c.pipeline().reflect())));
    }

    static List<LocomoTuning.Variant> named(String names) {
        if (names == null || names.isBlank()) {
            return all();
        }
        List<String> wanted = List.of(names.split(","));
        return all().stream().filter(v -> wanted.contains(v.name())).toList();
    }
}
