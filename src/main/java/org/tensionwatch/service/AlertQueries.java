package org.tensionwatch.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tensionwatch.views.AlertDetailView;
import org.tensionwatch.views.AlertView;

/** Answers alert queries from the alerts topology's stores, wherever they live ({@link QueryRouter}). */
@ApplicationScoped
public class AlertQueries {

    /** Newest step first; ties by id, so the order is stable. */
    static final Comparator<AlertView> NEWEST_FIRST = Comparator.comparing(AlertView::updatedAt).reversed()
            .thenComparing(AlertView::id);

    @Inject
    QueryRouter router;

    /**
     * The latest step of every alert of {@code region} (every region for {@code null}) whose life overlaps the days
     * from {@code from} to {@code to} (either open-ended for {@code null}), newest first.
     */
    public List<AlertView> alerts(String region, LocalDate from, LocalDate to) {
        List<AlertView> alerts = new ArrayList<>(router.alerts(region, from, to));
        alerts.sort(NEWEST_FIRST);
        return alerts;
    }

    /** The alert with every step told; empty if no alert has that id. */
    public Optional<AlertDetailView> alert(String id) {
        return router.alert(id);
    }
}
