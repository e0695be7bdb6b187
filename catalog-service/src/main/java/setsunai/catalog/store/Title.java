package setsunai.catalog.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;
import setsunai.catalog.api.Season;
import setsunai.catalog.api.Source;
import setsunai.catalog.api.StreamingLink;

/** An anime title with its facts and emotional facets. Never exposed directly: see the api package's records. */
@Entity
@Table(name = "title")
public class Title extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(name = "native_title")
    public String nativeTitle;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "alternative_titles", nullable = false)
    public List<String> alternativeTitles = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Format format;

    public Integer episodes;

    public Integer year;

    @Enumerated(EnumType.STRING)
    public Season season;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> studios = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> directors = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Source source;

    public String synopsis;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Ending ending;

    @Column(nullable = false)
    public int tearjerker;

    /** Links as jsonb (V6): {service, name, url, regions}; the search filters on the generated streaming_services. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<StreamingLink> streaming = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "external_ids", nullable = false)
    public Map<String, Object> externalIds = new LinkedHashMap<>();

    public String franchise;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false)
    public OffsetDateTime updatedAt;

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
