package dev.casebook.metrics.domain;

import dev.casebook.platform.security.Caller;
import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.domain.InvalidInput;
import dev.casebook.platform.problem.InputValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Takes samples in, from HTTP and from Kafka alike: checked the same way, stored in the same table. */
@ApplicationScoped
public class SampleIntake {

    /** A client with 10,000 broken samples needs the first few problems, not 40,000. */
    static final int MAX_LISTED_ERRORS = 20;

    private final InputValidation validation;
    private final SampleStore store;

    public SampleIntake(InputValidation validation, SampleStore store) {
        this.validation = validation;
        this.store = store;
    }

    /** Adds samples sent by a caller who may change the case study's metrics. */
    @Transactional
    public int add(UUID caseStudyId, List<Sample> samples, Caller caller) {
        List<Sample> checked = checked(samples);
        CaseStudy.changeable(caseStudyId, caller);
        store.add(caseStudyId, checked, Instant.now());
        return checked.size();
    }

    /** Adds samples from the load-testing stream, which needs no caller; the case study must exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int addFromStream(UUID caseStudyId, List<Sample> samples) {
        List<Sample> checked = checked(samples);
        if (CaseStudy.findById(caseStudyId) == null) {
            throw CaseStudy.notFound(caseStudyId);
        }
        store.add(caseStudyId, checked, Instant.now());
        return checked.size();
    }

    /** The samples with their metric names spelled as the catalogue does, or a 400 with the first problems. */
    public List<Sample> checked(List<Sample> samples) {
        if (samples == null || samples.isEmpty()) {
            throw InvalidInput.of("body", "must hold 1 to " + Sample.MAX_PER_BATCH + " samples");
        }
        if (samples.size() > Sample.MAX_PER_BATCH) {
            throw InvalidInput.of("body", "holds " + samples.size()
                    + " samples; at most " + Sample.MAX_PER_BATCH + " are accepted at once").with("limit", Sample.MAX_PER_BATCH);
        }
        List<FieldError> errors = new ArrayList<>();
        int invalid = 0;
        List<Sample> checked = new ArrayList<>(samples.size());
        Map<String, String> spelled = new HashMap<>(); // a batch names a few metrics thousands of times
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            List<FieldError> problems = sample == null
                    ? List.of(new FieldError("[" + i + "]", "must not be null"))
                    : sample.plainlyValid() ? List.of() : validation.errorsOf(sample, "[" + i + "]");
            if (!problems.isEmpty()) {
                invalid++;
                problems.stream().limit(MAX_LISTED_ERRORS - errors.size()).forEach(errors::add);
                continue;
            }
            String metric = spelled.computeIfAbsent(sample.metric(),
                    name -> KnownMetric.named(name).map(KnownMetric::displayName).orElse(name.strip()));
            checked.add(new Sample(metric, sample.phase(), sample.value(), sample.at()));
        }
        if (invalid > 0) {
            throw new InvalidInput(invalid + " of " + samples.size() + " samples are invalid; nothing was stored"
                    + (errors.size() == MAX_LISTED_ERRORS ? " (the first " + MAX_LISTED_ERRORS + " problems are listed)" : ""), errors)
                    .with("invalidSamples", invalid);
        }
        return checked;
    }
}
