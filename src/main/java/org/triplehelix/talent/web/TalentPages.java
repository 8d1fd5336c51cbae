package org.triplehelix.talent.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
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
import org.triplehelix.shared.web.FormErrors;
import org.triplehelix.shared.web.FormLists;
import org.triplehelix.shared.web.ListOrder;
import org.triplehelix.talent.Fields;
import org.triplehelix.talent.Needs;
import org.triplehelix.talent.Practice;
import org.triplehelix.talent.Programs;
import org.triplehelix.talent.TalentGap;
import org.triplehelix.talent.TalentImport;
import org.triplehelix.talent.TalentInputException;
import org.triplehelix.talent.TalentWriter;
import org.triplehelix.talent.Topics;
import org.triplehelix.shared.web.PathSegment;

/**
 * The talent pages: programs, a student's record (hours, milestones, topic, outcomes), topics,
 * needs, the gap, the crosswalk and the import. Every write goes through the services, which
 * check the caller. Refused input is answered 400 with the form's page again (the page the form
 * lives in): the values as typed, the field at fault marked and named in a summary, the reason in
 * the page's language ({@link FormErrors}), nothing written. A button's action that the record's
 * state refuses (a conflict) redirects with its reason in the page's language.
 */
@Controller
class TalentPages {

    /** Rows on a page of programs, topics or needs. */
    static final int PAGE_SIZE = 20;
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

    /**
     * The programs (and what waits for the user); a page past the end shows the last, a page number that is none the
     * first. An order the page does not know (an old or mistyped link) is, as on the registry's lists and the demands,
     * the list (400) in the default order with the sort marked with why.
     */
    @GetMapping("/talent")
    String index(@RequestParam(required = false) String page, @RequestParam(required = false) String sort, Model model,
                 java.util.Locale locale, HttpServletRequest request, HttpServletResponse response) {
        boolean english = "en".equals(locale.getLanguage());
        FormErrors refused = FormErrors.none();
        Programs.Sort order = ListOrder.chosen(() -> Programs.Sort.of(sort), Programs.Sort.COHORT, refused, request, response);
        Page<Programs.Program> listed = programs.page(Page.number(page), PAGE_SIZE, order, english, "");
        if (listed.pastTheEnd()) {
            listed = programs.page(listed.lastPage(), PAGE_SIZE, order, english, "");
        }
        model.addAttribute("programs", listed);
        model.addAttribute("sort", order.id());
        model.addAttribute("refused", refused);
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
        requireCanCreatePrograms();
        return programForm(model, null, Fields.of("degree_level", "master", "required_hours", "1000"), "", FormErrors.none());
    }

    /** Creates a program; refused input comes back in the form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/programs")
    String createProgram(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireCanCreatePrograms();
        Fields typed = programFields(form);
        try {
            String id = writer.saveProgram(typed.get("id") != null ? typed : typed.with("id", "program-" + UUID.randomUUID().toString().substring(0, 8)), false);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/programs/" + PathSegment.of(id);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return programForm(model, null, typed, form.get("enterprises"), refusal(e));
        }
    }

    /** After a refused form the language switch asks for the page by GET: the list, where the new program starts. */
    @GetMapping("/talent/programs")
    String programs() {
        return "redirect:/talent";
    }

    @GetMapping("/talent/programs/{id}/edit")
    String editProgram(@PathVariable String id, Model model) {
        Programs.Program program = manageable(id);
        Fields form = Fields.of("name_zh", program.name().zh(), "name_en", program.name().en(), "university", program.university().extId(),
                "discipline", program.disciplineCode(), "industry", program.industryCode(), "degree_level", program.degreeLevel(),
                "cohort_year", String.valueOf(program.cohortYear()), "capacity", String.valueOf(program.capacity()),
                "required_hours", String.valueOf(program.requiredHours()));
        return programForm(model, program, form, FormLists.lines(program.enterprises().stream().map(Programs.Org::extId).toList()),
                FormErrors.none());
    }

    /** Saves a program; refused input comes back in the form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/programs/{id}")
    String updateProgram(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Programs.Program program = manageable(id);
        Fields typed = programFields(form);
        try {
            writer.saveProgram(typed.with("id", id), false);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/programs/" + PathSegment.of(id);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return programForm(model, program, typed, form.get("enterprises"), refusal(e));
        }
    }

    /**
     * The program form. Its enterprises are a text area of ids: {@code enterprises} is its text, one id a line each line
     * ended ({@link FormLists#lines}) for a program opened for editing, so that an id holding a comma or a semicolon is read
     * back whole; as it was typed, line breaks and all, for a refused form.
     */
    private String programForm(Model model, Programs.Program program, Fields form, String enterprises, FormErrors errors) {
        model.addAttribute("program", program);
        model.addAttribute("form", form);
        model.addAttribute("enterprises", enterprises == null ? "" : enterprises);
        model.addAttribute("errors", errors);
        model.addAttribute("disciplines", needs.disciplines());
        model.addAttribute("industries", needs.industries());
        return "talent/programForm";
    }

    @GetMapping("/talent/programs/{id}")
    String program(@PathVariable String id, Model model) {
        return programPage(model, programs.program(id), Fields.of(), FormErrors.none());
    }

    /** Enrols a student; refused input comes back in the program's enrolment form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/programs/{id}/students")
    String enroll(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Programs.Program program = manageable(id);
        Fields typed = fields(form);
        Fields fields = typed.with("program", id);
        if (fields.get("id") == null) {
            fields = fields.with("id", "student-" + UUID.randomUUID().toString().substring(0, 8));
        }
        try {
            String student = writer.saveStudent(fields, false);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/students/" + PathSegment.of(student);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            // without a person or a name the service refuses "person"; the form asks for the name
            return programPage(model, program, typed, refusal(e, "person", "name_zh"));
        }
    }

    @GetMapping("/talent/programs/{id}/students")
    String enrolled(@PathVariable String id) {
        return "redirect:/talent/programs/{id}"; // the id escaped as a path segment by the redirect
    }

    private String programPage(Model model, Programs.Program program, Fields enrolForm, FormErrors errors) {
        var students = programs.studentsOf(program);
        model.addAttribute("program", program);
        model.addAttribute("students", students);
        model.addAttribute("changeable", programs.changeable(students));
        model.addAttribute("canManage", programs.canManage(program));
        model.addAttribute("form", enrolForm);
        model.addAttribute("errors", errors);
        return "talent/program";
    }

    private Programs.Program manageable(String id) {
        Programs.Program program = programs.program(id);
        if (!programs.canManage(program)) {
            throw new AccessDeniedException("this program is outside your scope");
        }
        return program;
    }

    private void requireCanCreatePrograms() {
        if (!programs.canCreatePrograms()) {
            throw new AccessDeniedException("only administrators and organization administrators create programs");
        }
    }

    @GetMapping("/talent/programs/{id}/delete")
    String confirmDeleteProgram(@PathVariable String id, Model model) {
        Programs.Program program = programs.program(id);
        if (!programs.canManage(program)) {
            throw new AccessDeniedException("outside your scope");
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
        return programs.mine().map(s -> "redirect:/talent/students/" + PathSegment.of(s.extId())).orElse("redirect:/talent");
    }

    @GetMapping("/talent/students/{id}")
    String student(@PathVariable String id, Model model) {
        return studentPage(model, id, Fields.of("date", LocalDate.now().toString()), Fields.of("status", "planned"), Fields.of(), FormErrors.none());
    }

    /** A student's record with its three forms (hours, a milestone, an outcome), one of them perhaps refused and kept as typed. */
    private String studentPage(Model model, String id, Fields hoursForm, Fields milestoneForm, Fields outcomeForm, FormErrors errors) {
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
        model.addAttribute("hoursForm", hoursForm);
        model.addAttribute("milestoneForm", milestoneForm);
        model.addAttribute("outcomeForm", outcomeForm);
        model.addAttribute("errors", errors);
        return "talent/student";
    }

    @GetMapping("/talent/students/{id}/edit")
    String editStudent(@PathVariable String id, Model model) {
        Programs.Student student = programs.student(id);
        if (!programs.canManage(student)) {
            throw new AccessDeniedException("this student's record is outside your scope");
        }
        Fields form = Fields.of("account", programs.accountEmail(student).orElse(null), "enterprise", student.enterprise().extId(),
                "academic_mentor", student.academicMentor().extId(), "industrial_mentor", student.industrialMentor().extId(),
                "background", student.background(), "graduation_year", String.valueOf(student.graduationYear()), "status", student.status());
        return studentForm(model, student, form, FormErrors.none());
    }

    /** Saves a student's record; refused input comes back in the form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/students/{id}")
    String updateStudent(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Fields fields = fields(form);
        try {
            programs.update(id, fields);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/students/" + PathSegment.of(id);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return studentForm(model, programs.student(id), fields, refusal(e));
        }
    }

    private String studentForm(Model model, Programs.Student student, Fields form, FormErrors errors) {
        List<Programs.Org> enterprises = new ArrayList<>(programs.program(student.programExtId()).enterprises());
        if (enterprises.stream().noneMatch(e -> e.extId().equals(student.enterprise().extId()))) {
            enterprises.add(student.enterprise());
        }
        model.addAttribute("student", student);
        model.addAttribute("form", form);
        model.addAttribute("enterprises", enterprises);
        model.addAttribute("errors", errors);
        return "talent/studentForm";
    }

    /** Logs hours; refused input comes back in the record's hours form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/students/{id}/hours")
    String log(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        Fields typed = fields(form);
        try {
            practice.log(id, parseDate("date", typed.get("date")), parseHours(typed.get("hours")), typed.get("description"));
            redirect.addFlashAttribute("notice", "talent.hours.logged");
            return "redirect:/talent/students/" + PathSegment.of(id);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return studentPage(model, id, typed, Fields.of("status", "planned"), Fields.of(), refusal(e, "description", "work"));
        }
    }

    /** Approves hours; back where the mentor was (their list, or the student's record). */
    @PostMapping("/talent/hours/{entry}/approve")
    String approve(@PathVariable long entry, @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        try {
            Practice.HoursEntry decided = practice.approve(entry);
            redirect.addFlashAttribute("notice", "talent.hours." + decided.status());
            return "redirect:" + back(back, decided.studentExtId());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("refusal", conflict(e));
            return "redirect:/talent";
        }
    }

    /** Why hours are rejected, asked before they are: the student reads it on their record and in their inbox. */
    @GetMapping("/talent/hours/{entry}/reject")
    String rejectForm(@PathVariable long entry, @RequestParam(defaultValue = "") String back, Model model, RedirectAttributes redirect) {
        try {
            return rejectPage(model, practice.decidable(entry), back, Fields.of(), FormErrors.none());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("refusal", conflict(e));
            return "redirect:/talent";
        }
    }

    /**
     * Rejects hours with the reason the form requires (the API's may be left out). Hours decided meanwhile
     * are said so first; a missing or too long reason comes back in the form as typed, marked, nothing written.
     */
    @PostMapping("/talent/hours/{entry}/reject")
    String reject(@PathVariable long entry, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Fields typed = fields(form);
        String back = typed.get("back") == null ? "" : typed.get("back");
        try {
            practice.decidable(entry); // hours decided meanwhile: said so before a missing reason
            Practice.HoursEntry decided = practice.reject(entry, typed.required("reason"));
            redirect.addFlashAttribute("notice", "talent.hours." + decided.status());
            return "redirect:" + back(back, decided.studentExtId());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("refusal", conflict(e));
            return "redirect:/talent";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return rejectPage(model, practice.decidable(entry), back, typed, refusal(e));
        }
    }

    private String rejectPage(Model model, Practice.PendingHours hours, String back, Fields form, FormErrors errors) {
        model.addAttribute("hours", hours);
        model.addAttribute("back", back.startsWith("/talent") ? back : "");
        model.addAttribute("cancel", back(back, hours.entry().studentExtId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "talent/reject";
    }

    /** Where a decision returns: the talent page the mentor came from, else the student's record. */
    private static String back(String back, String studentExtId) {
        return back.startsWith("/talent") ? back : "/talent/students/" + studentExtId;
    }

    /** Sets a milestone; refused input comes back in the record's milestone form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/students/{id}/milestones")
    String milestone(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        Fields typed = fields(form);
        try {
            practice.setMilestone(id, typed.get("kind"), parseDate("due", typed.get("due")), typed.get("status"), null);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/students/" + PathSegment.of(id);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return studentPage(model, id, Fields.of("date", LocalDate.now().toString()), typed, Fields.of(), refusal(e));
        }
    }

    /** Records an outcome; refused input comes back in the record's outcome form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/students/{id}/outcomes")
    String outcome(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Fields typed = fields(form);
        try {
            practice.addOutcome(id, typed.get("type"), typed.get("title_zh"), typed.get("title_en"), typed.integer("year", Practice.MIN_OUTCOME_YEAR, Practice.MAX_OUTCOME_YEAR));
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/students/" + PathSegment.of(id);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return studentPage(model, id, Fields.of("date", LocalDate.now().toString()), Fields.of("status", "planned"), typed,
                    refusal(e));
        }
    }

    /** After a refused form the language switch asks for the page by GET: the record it belongs to. */
    @GetMapping("/talent/students/{id}/{form:hours|milestones|outcomes}")
    String studentForms(@PathVariable String id, @PathVariable String form) {
        return "redirect:/talent/students/{id}"; // the id escaped as a path segment by the redirect
    }

    @PostMapping("/talent/students/{id}/topic")
    String choose(@PathVariable String id, @RequestParam(defaultValue = "") String topic, RedirectAttributes redirect) {
        try {
            topics.choose(id, topic);
            redirect.addFlashAttribute("notice", "talent.topic.chosen");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("refusal", conflict(e));
        }
        return "redirect:/talent/students/" + PathSegment.of(id);
    }

    // --- topics -----------------------------------------------------------------------------

    @GetMapping("/talent/topics")
    String topics(@RequestParam(defaultValue = "") String status, @RequestParam(required = false) String page, Model model) {
        return topicsPage(model, status, Page.number(page), Fields.of(), FormErrors.none());
    }

    /** The topics; a page past the end shows the last. */
    private String topicsPage(Model model, String status, int page, Fields form, FormErrors errors) {
        Page<Topics.Topic> listed = topics.page(status, page, PAGE_SIZE);
        if (listed.pastTheEnd()) {
            listed = topics.page(status, listed.lastPage(), PAGE_SIZE);
        }
        model.addAttribute("topics", listed);
        model.addAttribute("status", status);
        model.addAttribute("canPost", topics.canPost());
        model.addAttribute("industries", needs.industries());
        model.addAttribute("disciplines", needs.disciplines());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "talent/topics";
    }

    /** Posts a topic; refused input comes back in the form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/topics")
    String post(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Fields typed = fields(form);
        try {
            topics.post(new Topics.TopicInput(typed.get("title_zh"), typed.get("title_en"), typed.get("description"), typed.get("discipline"),
                    typed.get("industry"), typed.get("demand_ref"), null));
            redirect.addFlashAttribute("notice", "talent.topic.posted");
            return "redirect:/talent/topics";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return topicsPage(model, "", 0, typed, refusal(e));
        }
    }

    @PostMapping("/talent/topics/{id}/{action:confirm|close}")
    String topicAction(@PathVariable String id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            Topics.Topic topic = action.equals("confirm") ? topics.confirm(id) : topics.close(id);
            redirect.addFlashAttribute("notice", "talent.topic.done." + action);
            if (action.equals("confirm") && topic.studentExtId() != null) {
                return "redirect:/talent/students/" + PathSegment.of(topic.studentExtId());
            }
        } catch (ConflictException e) {
            redirect.addFlashAttribute("refusal", conflict(e));
        }
        return "redirect:/talent/topics";
    }

    // --- needs ------------------------------------------------------------------------------

    @GetMapping("/talent/needs")
    String needs(@RequestParam(defaultValue = "") String organization, @RequestParam(required = false) String page, Model model) {
        return needsPage(model, organization, Page.number(page), Fields.of("year", String.valueOf(LocalDate.now().getYear() + 1)), FormErrors.none());
    }

    private String needsPage(Model model, String organization, int page, Fields form, FormErrors errors) {
        Page<Needs.Need> listed = needs.page(organization, page, PAGE_SIZE);
        if (listed.pastTheEnd()) { // a page past the end shows the last
            listed = needs.page(organization, listed.lastPage(), PAGE_SIZE);
        }
        model.addAttribute("needs", listed);
        model.addAttribute("changeable", needs.changeable(listed.items()));
        model.addAttribute("organization", organization);
        model.addAttribute("canDeclare", needs.canDeclare());
        model.addAttribute("industries", needs.industries());
        model.addAttribute("disciplines", needs.disciplines());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "talent/needs";
    }

    /** Declares a need; refused input comes back in the form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/needs")
    String declare(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Fields typed = fields(form);
        try {
            writer.saveNeed(typed.with("id", "need-" + UUID.randomUUID().toString().substring(0, 12)), false);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/needs";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return needsPage(model, "", 0, typed, refusal(e));
        }
    }

    @GetMapping("/talent/needs/{id}/edit")
    String editNeed(@PathVariable String id, Model model) {
        Needs.Need need = changeableNeed(id);
        Fields form = Fields.of("industry", need.industryCode(), "discipline", need.disciplineCode(), "skill", need.skill(),
                "degree_level", need.degreeLevel(), "year", String.valueOf(need.year()), "headcount", String.valueOf(need.headcount()));
        return needForm(model, need, form, FormErrors.none());
    }

    /** Saves a need; refused input comes back in the form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/needs/{id}")
    String updateNeed(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        Fields typed = fields(form);
        try {
            needs.update(id, typed);
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/needs";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return needForm(model, needs.need(id), typed, refusal(e));
        }
    }

    /** After a refused form the language switch asks for the page by GET: the need's form, as saved. */
    @GetMapping("/talent/needs/{id}")
    String need(@PathVariable String id) {
        return "redirect:/talent/needs/{id}/edit"; // the id escaped as a path segment by the redirect
    }

    private String needForm(Model model, Needs.Need need, Fields form, FormErrors errors) {
        model.addAttribute("need", need);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("industries", needs.industries());
        model.addAttribute("disciplines", needs.disciplines());
        return "talent/needForm";
    }

    private Needs.Need changeableNeed(String id) {
        Needs.Need need = needs.need(id);
        if (!needs.canChange(need)) {
            throw new AccessDeniedException("this need belongs to another organization");
        }
        return need;
    }

    @GetMapping("/talent/needs/{id}/delete")
    String confirmWithdraw(@PathVariable String id, Model model) {
        changeableNeed(id);
        return confirm(model, "talent.need.delete.confirm", new org.triplehelix.shared.Text(id, id), "/talent/needs/" + id + "/delete", "/talent/needs");
    }

    @PostMapping("/talent/needs/{id}/delete")
    String withdraw(@PathVariable String id, RedirectAttributes redirect) {
        writer.deleteNeed(id);
        redirect.addFlashAttribute("notice", "talent.deleted");
        return "redirect:/talent/needs";
    }

    // --- the gap ----------------------------------------------------------------------------

    /*
     * The gap and the records behind it, for a year or all years. A year that is none (in words, outside the years the
     * records may have) is not an error page that loses the breakdown: the page comes back (400) showing all years, the
     * year marked with why.
     */

    @GetMapping("/talent/gap")
    String gap(@RequestParam(defaultValue = "industry") String by, @RequestParam(required = false) String year, Model model,
               HttpServletResponse response) {
        TalentGap.By breakdown = TalentGap.By.of(by);
        FormErrors refused = FormErrors.none();
        Integer theYear = gapYear(year, refused, response);
        model.addAttribute("by", breakdown.param());
        model.addAttribute("year", theYear);
        model.addAttribute("years", gap.years());
        model.addAttribute("rows", gap.rows(breakdown, theYear));
        model.addAttribute("total", gap.total(theYear));
        model.addAttribute("refused", refused);
        return "talent/gap";
    }

    @GetMapping("/talent/gap/records")
    String records(@RequestParam(defaultValue = "industry") String by, @RequestParam(required = false) String key,
                   @RequestParam(defaultValue = "") String side, @RequestParam(required = false) String year, Model model,
                   HttpServletResponse response) {
        FormErrors refused = FormErrors.none();
        Integer theYear = gapYear(year, refused, response);
        model.addAttribute("refused", refused);
        TalentGap.By breakdown = TalentGap.By.of(by);
        var records = gap.records(breakdown, key, side, theYear);
        model.addAttribute("records", records);
        model.addAttribute("by", breakdown.param());
        model.addAttribute("key", key);
        model.addAttribute("keyName", key == null ? null : gap.rows(breakdown, theYear).stream()
                .filter(r -> java.util.Objects.equals(r.key() == null ? "" : r.key(), key)).map(TalentGap.GapRow::name)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null));
        model.addAttribute("side", side);
        model.addAttribute("year", theYear);
        model.addAttribute("sum", records.stream().map(TalentGap.GapRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        // the records name their industry by its code; the page says its name in the reader's language
        model.addAttribute("industries", needs.industries().stream()
                .collect(java.util.stream.Collectors.toMap(Needs.Option::code, Needs.Option::name)));
        return "talent/records";
    }

    /** The year of the gap asked for: null for all years, and for one refused (recorded in {@code refused}, 400). */
    private static Integer gapYear(String year, FormErrors refused, HttpServletResponse response) {
        Integer theYear = refused.wholeNumber("year", year, TalentGap.FIRST_YEAR, TalentGap.LAST_YEAR);
        if (refused.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return theYear;
    }

    // --- crosswalk and import ---------------------------------------------------------------

    @GetMapping("/talent/crosswalk")
    String crosswalk(Model model) {
        return crosswalkPage(model, Fields.of("share", "1"), FormErrors.none());
    }

    private String crosswalkPage(Model model, Fields form, FormErrors errors) {
        model.addAttribute("entries", needs.crosswalk());
        model.addAttribute("canEdit", needs.canEditCrosswalk());
        model.addAttribute("industries", needs.industries());
        model.addAttribute("disciplines", needs.disciplines());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "talent/crosswalk";
    }

    /** Sets a pair's share; refused input comes back in the form as typed, the field at fault marked, nothing written. */
    @PostMapping("/talent/crosswalk")
    String setCrosswalk(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Fields typed = fields(form);
        try {
            needs.setCrosswalk(typed.required("discipline"), typed.required("industry"), typed.requiredInteger("share", 1, 100));
            redirect.addFlashAttribute("notice", "talent.saved");
            return "redirect:/talent/crosswalk";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return crosswalkPage(model, typed, refusal(e));
        }
    }

    @GetMapping("/talent/crosswalk/{discipline}/{industry}/delete")
    String confirmRemove(@PathVariable String discipline, @PathVariable String industry, Model model) {
        if (!needs.canEditCrosswalk()) {
            throw new AccessDeniedException("only an administrator edits the crosswalk");
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

    /** Imports a file; a refused kind or file comes back marked, the kind as chosen, nothing written. */
    @PostMapping("/talent/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String kind, Model model,
                      HttpServletResponse response) throws java.io.IOException {
        model.addAttribute("canImport", imports.canImport());
        model.addAttribute("kind", kind);
        try {
            model.addAttribute("result", imports.importFile(kind, file.getOriginalFilename(), file.getInputStream()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", refusal(e));
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

    /**
     * A refused form's error: the service's field, marked on the form and named in its summary, in the
     * reader's language. {@code moves} are pairs of a service's field and the form's field that shows it
     * (a student without a name is refused at "person", which the enrolment form asks for as the name;
     * the hours' "description" is the form's "work", labelled so, unlike a topic's description).
     */
    private static FormErrors refusal(InvalidInputException e, String... moves) {
        String field = e.field();
        for (int i = 0; i + 1 < moves.length; i += 2) {
            if (moves[i].equals(field)) {
                field = moves[i + 1];
            }
        }
        return FormErrors.refusal(field, e);
    }

    /**
     * A button's action refused by the record's state, carried through the redirect (flash) as its
     * message key, so that the page says why in the reader's language.
     */
    private static FormErrors conflict(ConflictException e) {
        return FormErrors.of("state", e.keyOr("talent.conflict.state"), e.args());
    }

    /** A page form's fields without the CSRF token, which is no part of the record (nor of its audit trail). */
    /**
     * The program form's fields, its enterprises read as a list of ids ({@link FormLists#ids}): one a line as the form
     * shows them (an id holding a comma or a semicolon stays whole), typed on one line separated by whitespace, commas,
     * semicolons or 、.
     */
    private static Fields programFields(Map<String, String> form) {
        return fields(form).withList("enterprises", FormLists.ids(form.get("enterprises")));
    }

    private static Fields fields(Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove(CSRF_PARAMETER);
        return new Fields(values);
    }

    private static LocalDate parseDate(String field, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new TalentInputException(field, "talent.reason.date", "a date such as 2026-03-01, not " + value, value);
        }
    }

    private static BigDecimal parseHours(String value) {
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new TalentInputException("hours", "talent.reason.number", "a number of hours such as 7.5, not " + value, value);
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
