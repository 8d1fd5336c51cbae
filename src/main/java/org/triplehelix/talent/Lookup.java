package org.triplehelix.talent;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Resolves the external ids and codes a record names, or refuses the field that names them. */
@Component
class Lookup {

    private final JdbcClient jdbc;

    Lookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long organization(String field, String extId) {
        return jdbc.sql("select id from organization where ext_id = :e").param("e", extId).query(Long.class).optional()
                .orElseThrow(() -> new TalentInputException(field, "talent.reason.noOrganization", "no organization " + extId, extId));
    }

    long person(String field, String extId) {
        return jdbc.sql("select id from person where ext_id = :e").param("e", extId).query(Long.class).optional()
                .orElseThrow(() -> new TalentInputException(field, "talent.reason.noPerson", "no person " + extId, extId));
    }

    Optional<Long> personIfAny(String extId) {
        return jdbc.sql("select id from person where ext_id = :e").param("e", extId).query(Long.class).optional();
    }

    /** A discipline by its code or its exact Chinese or English name. */
    String discipline(String field, String value) {
        return jdbc.sql("select code from discipline where code = :v or name_zh = :v or lower(name_en) = lower(:v) order by length(code) desc limit 1")
                .param("v", value).query(String.class).optional()
                .orElseThrow(() -> new TalentInputException(field, "talent.reason.noDiscipline", "no discipline " + value + " (use a code such as 0812)", value));
    }

    /** An industry by its code or its exact Chinese or English name. */
    String industry(String field, String value) {
        return jdbc.sql("select code from industry where code = :v or name_zh = :v or lower(name_en) = lower(:v) limit 1")
                .param("v", value).query(String.class).optional()
                .orElseThrow(() -> new TalentInputException(field, "talent.reason.noIndustry", "no industry " + value + " (use a code such as ind-ai)", value));
    }

    long program(String field, String extId) {
        return jdbc.sql("select id from talent_program where ext_id = :e").param("e", extId).query(Long.class).optional()
                .orElseThrow(() -> new TalentInputException(field, "talent.reason.noProgram", "no program " + extId, extId));
    }

    Optional<Long> universityOfProgram(long programId) {
        return jdbc.sql("select university_id from talent_program where id = :id").param("id", programId).query(Long.class).optional();
    }
}
