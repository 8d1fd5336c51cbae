package org.triplehelix.talent.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.talent.Fields;
import org.triplehelix.talent.Needs;
import org.triplehelix.talent.Practice;
import org.triplehelix.talent.Programs;
import org.triplehelix.talent.TalentGap;
import org.triplehelix.talent.TalentImport;
import org.triplehelix.talent.TalentWriter;
import org.triplehelix.talent.Topics;

/**
 * The talent pages: programs, a student's record (hours, milestones, topic, outcomes), topics,
 * needs, the gap, the crosswalk and the import. Every write goes through the services, which
 * check the caller; a refused input comes back to the page as an error naming the field.
 */
@Controller
class TalentPages {

    /** Spring Security's default, which the platform keeps. */
    private static final String CSRF_PARAMETER = "_csrf";

    private final Programs programs;
    private final Practice practice;
    private final Topics topics;
    private final Needs needs;
    private final TalentGap gap;
    private final TalentWriter writer;
    private final TalentImport imports;

    TalentPages(Programs programs, Practice practice, Topics topics, Needs needs, TalentGap gap, TalentWriter writer, TalentImport imports) {
        this.programs = programs;
        this.practice = practice;
        this.topics = topics;
        this.needs = needs;
        this.gap = gap;
        this.writer = writer;
        this.imports = imports;
    }

    // --- programs ---------------------------------------------------------------------------

    @GetMapping("/talent")
    String index(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "cohort") String sort, Model model) {
        model.addAttribute("programs", programs.page(page, 20, sort, ""));
        model.addAttribute("sort", Programs.SORTS.containsKey(sort) ? sort : "cohort");
        model.addAttribute("canCreate", programs.canCreatePrograms());
        model.addAttribute("mine", programs.mine().orElse(null));
        var mentored = programs.mentored();
        model.addAttribute("mentored", mentored);
        model.addAttribute("changeable", programs.changeable(mentored));
        model.addAttribute("pending", practice.pendingForMe());
        return "talent/index";
    }

    @GetMapping("/talent/programs/new")
    String newProgram(Model model) {
        if (!programs.canCreatePrograms()) {
            throw new org.springframework.security.access.AccessDeniedException("only administrators and organization administrators create programs");
        }
        model.addAttribute("disciplines", needs.disciplines());
        model.addAttribute("industries", needs.industries());
        return "talent/programForm";
    }

    @PostMapping("/talent/programs")
    String createProgram(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Fields fields = fields(form);
        if (fields.get("id") == null) {
            fields = fields.with("id", "program-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        }
        try {
            String id = writer.saveProgram(fields, false);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/programs/" + id;
        } catch (InvalidInputException e) {
            return refused(redirect, e, "/talent/programs/new");
        }
    }

    @GetMapping("/talent/programs/{id}/edit")
    String editProgram(@PathVariable String id, Model model) {
        Programs.Program program = programs.program(id);
        if (!programs.canManage(program)) {
            throw new org.springframework.security.access.AccessDeniedException("this program is outside your scope");
        }
        model.addAttribute("program", program);
        model.addAttribute("disciplines", needs.disciplines());
        model.addAttribute("industries", needs.industries());
        return "talent/programForm";
    }

    @PostMapping("/talent/programs/{id}")
    String updateProgram(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        programs.program(id);
        try {
            writer.saveProgram(fields(form).with("id", id), false);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/programs/" + id;
        } catch (InvalidInputException e) {
            return refused(redirect, e, "/talent/programs/" + id + "/edit");
        }
    }

    @GetMapping("/talent/programs/{id}")
    String program(@PathVariable String id, Model model) {
        Programs.Program program = programs.program(id);
        var students = programs.studentsOf(program);
        model.addAttribute("program", program);
        model.addAttribute("students", students);
        model.addAttribute("changeable", programs.changeable(students));
        model.addAttribute("canManage", programs.canManage(program));
        return "talent/program";
    }

    @PostMapping("/talent/programs/{id}/students")
    String enroll(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Fields fields = fields(form).with("program", id);
        if (fields.get("id") == null) {
            fields = fields.with("id", "student-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        }
        try {
            String student = writer.saveStudent(fields, false);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/students/" + student;
        } catch (InvalidInputException e) {
            return refused(redirect, e, "/talent/programs/" + id);
        }
    }

    @GetMapping("/talent/programs/{id}/delete")
    String confirmDeleteProgram(@PathVariable String id, Model model) {
        Programs.Program program = programs.program(id);
        if (!programs.canManage(program)) {
            throw new org.springframework.security.access.AccessDeniedException("outside your scope");
        }
        return confirm(model, "talent.program.delete.confirm", program.name(), "/talent/programs/" + id + "/delete", "/talent/programs/" + id);
    }

    @PostMapping("/talent/programs/{id}/delete")
    String deleteProgram(@PathVariable String id, RedirectAttributes redirect) {
        writer.deleteProgram(id);
        redirect.addFlashAttribute("notice", "talent.deleted");
        return "redirect:/talent";
    }

    // --- a student's record -----------------------------------------------------------------

    @GetMapping("/talent/me")
    String me() {
        return programs.mine().map(s -> "redirect:/talent/students/" + s.extId()).orElse("redirect:/talent");
    }

    @GetMapping("/talent/students/{id}")
    String student(@PathVariable String id, Model model) {
        Programs.Student student = programs.student(id);
        boolean self = programs.isStudent(student);
        var chosen = topics.chosenBy(student).orElse(null);
        model.addAttribute("student", student);
        model.addAttribute("self", self);
        model.addAttribute("industrialMentor", programs.isIndustrialMentor(student));
        model.addAttribute("canKeep", programs.isAcademicMentor(student) || programs.isIndustrialMentor(student) || programs.canManage(student));
        model.addAttribute("canChange", programs.canManage(student));
        model.addAttribute("hours", practice.hours(id));
        model.addAttribute("milestones", practice.milestones(id));
        model.addAttribute("outcomes", practice.outcomes(id));
        model.addAttribute("chosen", chosen);
        model.addAttribute("canConfirm", chosen != null && topics.canConfirm(chosen));
        model.addAttribute("matches", self && chosen == null ? topics.matches(id, 5) : java.util.List.of());
        model.addAttribute("today", LocalDate.now().toString());
        return "talent/student";
    }

    @GetMapping("/talent/students/{id}/edit")
    String editStudent(@PathVariable String id, Model model) {
        Programs.Student student = programs.student(id);
        if (!programs.canManage(student)) {
            throw new org.springframework.security.access.AccessDeniedException("this student's record is outside your scope");
        }
        Fields form = Fields.of("account", programs.accountEmail(student).orElse(null), "enterprise", student.enterprise().extId(),
                "academic_mentor", student.academicMentor().extId(), "industrial_mentor", student.industrialMentor().extId(),
                "background", student.background(), "graduation_year", String.valueOf(student.graduationYear()), "status", student.status());
        return studentForm(model, student, form, null);
    }

    /** Saves a student's record; refused input comes back in the form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/students/{id}")
    String updateStudent(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Fields fields = fields(form);
        try {
            programs.update(id, fields);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/students/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return studentForm(model, programs.student(id), fields, e);
        }
    }

    private String studentForm(Model model, Programs.Student student, Fields form, InvalidInputException refused) {
        List<Programs.Org> enterprises = new ArrayList<>(programs.program(student.programExtId()).enterprises());
        if (enterprises.stream().noneMatch(e -> e.extId().equals(student.enterprise().extId()))) {
            enterprises.add(student.enterprise());
        }
        model.addAttribute("student", student);
        model.addAttribute("form", form);
        model.addAttribute("enterprises", enterprises);
        if (refused != null) {
            model.addAttribute("error", "talent.error.input");
            model.addAttribute("errorDetail", (refused.field() == null ? "" : refused.field() + ": ") + refused.getMessage());
            model.addAttribute("errorField", refused.field());
            model.addAttribute("errorMessage", refused.getMessage());
        }
        return "talent/studentForm";
    }

    @PostMapping("/talent/students/{id}/hours")
    String log(@PathVariable String id, @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String hours,
               @RequestParam(defaultValue = "") String description, RedirectAttributes redirect) {
        try {
            practice.log(id, parseDate("date", date), parseHours(hours), description);
            redirect.addFlashAttribute("notice", "talent.hours.logged");
        } catch (InvalidInputException e) {
            refused(redirect, e, "");
        }
        return "redirect:/talent/students/" + id;
    }

    @PostMapping("/talent/hours/{entry}/{action:approve|reject}")
    String decide(@PathVariable long entry, @PathVariable String action, @RequestParam(defaultValue = "") String back,
                  RedirectAttributes redirect) {
        Practice.HoursEntry decided;
        try {
            decided = action.equals("approve") ? practice.approve(entry) : practice.reject(entry);
            redirect.addFlashAttribute("notice", "talent.hours." + decided.status());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "talent.error.conflict");
            redirect.addFlashAttribute("errorDetail", e.getMessage());
            return "redirect:/talent";
        }
        return back.startsWith("/talent") ? "redirect:" + back : "redirect:/talent/students/" + decided.studentExtId();
    }

    @PostMapping("/talent/students/{id}/milestones")
    String milestone(@PathVariable String id, @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String due,
                     @RequestParam(defaultValue = "planned") String status, RedirectAttributes redirect) {
        try {
            practice.setMilestone(id, kind, parseDate("due", due), status, null);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (InvalidInputException e) {
            refused(redirect, e, "");
        }
        return "redirect:/talent/students/" + id;
    }

    @PostMapping("/talent/students/{id}/outcomes")
    String outcome(@PathVariable String id, @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String titleZh,
                   @RequestParam(defaultValue = "") String titleEn, @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
        try {
            practice.addOutcome(id, type, titleZh, titleEn, year);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (InvalidInputException e) {
            refused(redirect, e, "");
        }
        return "redirect:/talent/students/" + id;
    }

    @PostMapping("/talent/students/{id}/topic")
    String choose(@PathVariable String id, @RequestParam(defaultValue = "") String topic, RedirectAttributes redirect) {
        try {
            topics.choose(id, topic);
            redirect.addFlashAttribute("notice", "talent.topic.chosen");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "talent.error.conflict");
            redirect.addFlashAttribute("errorDetail", e.getMessage());
        }
        return "redirect:/talent/students/" + id;
    }

    // --- topics -----------------------------------------------------------------------------

    @GetMapping("/talent/topics")
    String topics(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("topics", topics.page(status, page, 20));
        model.addAttribute("status", status);
        model.addAttribute("canPost", topics.canPost());
        model.addAttribute("industries", needs.industries());
        model.addAttribute("disciplines", needs.disciplines());
        return "talent/topics";
    }

    @PostMapping("/talent/topics")
    String post(@RequestParam(defaultValue = "") String titleZh, @RequestParam(defaultValue = "") String titleEn,
                @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String discipline,
                @RequestParam(defaultValue = "") String industry, @RequestParam(defaultValue = "") String demandRef,
                RedirectAttributes redirect) {
        try {
            topics.post(new Topics.TopicInput(titleZh, titleEn, description, discipline, industry, demandRef, null));
            redirect.addFlashAttribute("notice", "talent.topic.posted");
        } catch (InvalidInputException e) {
            refused(redirect, e, "");
        }
        return "redirect:/talent/topics";
    }

    @PostMapping("/talent/topics/{id}/{action:confirm|close}")
    String topicAction(@PathVariable String id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            Topics.Topic topic = action.equals("confirm") ? topics.confirm(id) : topics.close(id);
            redirect.addFlashAttribute("notice", "talent.topic.done." + action);
            if (action.equals("confirm") && topic.studentExtId() != null) {
                return "redirect:/talent/students/" + topic.studentExtId();
            }
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "talent.error.conflict");
            redirect.addFlashAttribute("errorDetail", e.getMessage());
        }
        return "redirect:/talent/topics";
    }

    // --- needs ------------------------------------------------------------------------------

    @GetMapping("/talent/needs")
    String needs(@RequestParam(defaultValue = "") String organization, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<Needs.Need> listed = needs.page(organization, page, 20);
        model.addAttribute("needs", listed);
        model.addAttribute("changeable", needs.changeable(listed.items()));
        model.addAttribute("organization", organization);
        model.addAttribute("canDeclare", needs.canDeclare());
        model.addAttribute("industries", needs.industries());
        model.addAttribute("disciplines", needs.disciplines());
        model.addAttribute("year", LocalDate.now().getYear() + 1);
        return "talent/needs";
    }

    @PostMapping("/talent/needs")
    String declare(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Fields fields = fields(form).with("id", "need-" + java.util.UUID.randomUUID().toString().substring(0, 12));
        try {
            writer.saveNeed(fields, false);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (InvalidInputException e) {
            refused(redirect, e, "");
        }
        return "redirect:/talent/needs";
    }

    @GetMapping("/talent/needs/{id}/edit")
    String editNeed(@PathVariable String id, Model model) {
        Needs.Need need = needs.need(id);
        if (!needs.canChange(need)) {
            throw new org.springframework.security.access.AccessDeniedException("this need belongs to another organization");
        }
        model.addAttribute("need", need);
        model.addAttribute("industries", needs.industries());
        model.addAttribute("disciplines", needs.disciplines());
        return "talent/needForm";
    }

    @PostMapping("/talent/needs/{id}")
    String updateNeed(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            needs.update(id, fields(form));
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/needs";
        } catch (InvalidInputException e) {
            return refused(redirect, e, "/talent/needs/" + id + "/edit");
        }
    }

    @GetMapping("/talent/needs/{id}/delete")
    String confirmWithdraw(@PathVariable String id, Model model) {
        if (!needs.canChange(needs.need(id))) {
            throw new org.springframework.security.access.AccessDeniedException("this need belongs to another organization");
        }
        return confirm(model, "talent.need.delete.confirm", new org.triplehelix.shared.Text(id, id), "/talent/needs/" + id + "/delete", "/talent/needs");
    }

    @PostMapping("/talent/needs/{id}/delete")
    String withdraw(@PathVariable String id, RedirectAttributes redirect) {
        writer.deleteNeed(id);
        redirect.addFlashAttribute("notice", "talent.deleted");
        return "redirect:/talent/needs";
    }

    // --- the gap ----------------------------------------------------------------------------

    @GetMapping("/talent/gap")
    String gap(@RequestParam(defaultValue = "industry") String by, @RequestParam(required = false) Integer year, Model model) {
        TalentGap.By breakdown = TalentGap.By.of(by);
        model.addAttribute("by", breakdown.param());
        model.addAttribute("year", year);
        model.addAttribute("years", gap.years());
        model.addAttribute("rows", gap.rows(breakdown, year));
        model.addAttribute("total", gap.total(year));
        return "talent/gap";
    }

    @GetMapping("/talent/gap/records")
    String records(@RequestParam(defaultValue = "industry") String by, @RequestParam(required = false) String key,
                   @RequestParam(defaultValue = "") String side, @RequestParam(required = false) Integer year, Model model) {
        TalentGap.By breakdown = TalentGap.By.of(by);
        var records = gap.records(breakdown, key, side, year);
        model.addAttribute("records", records);
        model.addAttribute("by", breakdown.param());
        model.addAttribute("key", key);
        model.addAttribute("keyName", key == null ? null : gap.rows(breakdown, year).stream()
                .filter(r -> java.util.Objects.equals(r.key() == null ? "" : r.key(), key)).map(TalentGap.GapRow::name)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null));
        model.addAttribute("side", side);
        model.addAttribute("year", year);
        model.addAttribute("sum", records.stream().map(TalentGap.GapRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        return "talent/records";
    }

    // --- crosswalk and import ---------------------------------------------------------------

    @GetMapping("/talent/crosswalk")
    String crosswalk(Model model) {
        model.addAttribute("entries", needs.crosswalk());
        model.addAttribute("canEdit", needs.canEditCrosswalk());
        model.addAttribute("industries", needs.industries());
        model.addAttribute("disciplines", needs.disciplines());
        return "talent/crosswalk";
    }

    @PostMapping("/talent/crosswalk")
    String setCrosswalk(@RequestParam(defaultValue = "") String discipline, @RequestParam(defaultValue = "") String industry,
                        @RequestParam(defaultValue = "1") int share, RedirectAttributes redirect) {
        try {
            needs.setCrosswalk(discipline, industry, share);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (InvalidInputException e) {
            refused(redirect, e, "");
        }
        return "redirect:/talent/crosswalk";
    }

    @GetMapping("/talent/crosswalk/{discipline}/{industry}/delete")
    String confirmRemove(@PathVariable String discipline, @PathVariable String industry, Model model) {
        if (!needs.canEditCrosswalk()) {
            throw new org.springframework.security.access.AccessDeniedException("only an administrator edits the crosswalk");
        }
        return confirm(model, "talent.crosswalk.delete.confirm", new org.triplehelix.shared.Text(discipline + " → " + industry, null),
                "/talent/crosswalk/" + discipline + "/" + industry + "/delete", "/talent/crosswalk");
    }

    @PostMapping("/talent/crosswalk/{discipline}/{industry}/delete")
    String remove(@PathVariable String discipline, @PathVariable String industry, RedirectAttributes redirect) {
        needs.removeCrosswalk(discipline, industry);
        redirect.addFlashAttribute("notice", "talent.deleted");
        return "redirect:/talent/crosswalk";
    }

    @GetMapping("/talent/import")
    String importPage(Model model) {
        model.addAttribute("canImport", imports.canImport());
        return "talent/import";
    }

    @PostMapping("/talent/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String kind, Model model)
            throws java.io.IOException {
        model.addAttribute("canImport", imports.canImport());
        try {
            model.addAttribute("result", imports.importFile(kind, file.getOriginalFilename(), file.getBytes()));
        } catch (InvalidInputException e) {
            model.addAttribute("error", "talent.error.input");
            model.addAttribute("errorDetail", e.getMessage());
        }
        return "talent/import";
    }

    // --- helpers ----------------------------------------------------------------------------

    private static String confirm(Model model, String question, org.triplehelix.shared.Text subject, String action, String cancel) {
        model.addAttribute("question", question);
        model.addAttribute("subject", subject);
        model.addAttribute("action", action);
        model.addAttribute("cancel", cancel);
        return "talent/confirm";
    }

    private static String refused(RedirectAttributes redirect, InvalidInputException e, String back) {
        redirect.addFlashAttribute("error", "talent.error.input");
        redirect.addFlashAttribute("errorDetail", (e.field() == null ? "" : e.field() + ": ") + e.getMessage());
        return "redirect:" + back;
    }

    /** A page form's fields without the CSRF token, which is no part of the record (nor of its audit trail). */
    private static Fields fields(Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove(CSRF_PARAMETER);
        return new Fields(values);
    }

    private static LocalDate parseDate(String field, String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "a date such as 2026-03-01, not " + value);
        }
    }

    private static BigDecimal parseHours(String value) {
        try {
            return value.isBlank() ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("hours", "a number of hours such as 7.5, not " + value);
        }
    }

    static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
