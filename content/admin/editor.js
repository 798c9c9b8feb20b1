// The hub's additions to the staff editor (Decap CMS): the engagement preview in the site's own styles,
// the checks that span fields, and leaving out empty optional parts before a record is saved.
// The fields themselves (labels, help, required, choices) are in config.yml, made from the model.
"use strict";

// Decap starts itself when its script loads; it waits here until the site's styles are known.
window.CMS_MANUAL_INIT = true;

// The checks the model (hooks/hub/records/model.py) makes across fields, with its wording. Each key is the
// model's error type: tests/test_editor.py checks that every such type in the model has a rule here.
const RULES = {
  closes_before_opens: (e) =>
    e.opens && e.closes && e.closes < e.opens
      ? [`Closes (last day) is ${e.closes}, before it opens on ${e.opens}. Check both dates.`]
      : [],
  outcome_due_before_close: (e) =>
    e.outcome_due && e.closes && e.outcome_due <= e.closes
      ? [`Outcome promised by is ${e.outcome_due}, which is not after it closes on ${e.closes}. Promise the outcome for a day after it closes.`]
      : [],
  outcome_before_close: (e) =>
    e.outcome && e.outcome.published && e.closes && e.outcome.published <= e.closes
      ? [`The outcome is published on ${e.outcome.published}, but the engagement closes on ${e.closes}. An outcome comes after it closes.`]
      : [],
  event_times: (e) =>
    ((e.take_part && e.take_part.events) || [])
      .filter((event) => event.starts && event.ends && event.ends <= event.starts)
      .map((event) => `The event "${event.name || ""}" ends at ${event.ends}, which is not after it starts at ${event.starts}. Check both times.`),
  no_way_to_take_part: (e) => {
    const t = e.take_part || {};
    const ways = ["online", "paper", "phone", "email", "other"].filter((name) => t[name]);
    return ways.length || (t.events && t.events.length)
      ? []
      : ["Ways to take part lists no way to take part. Add at least one of these: online, paper, phone, email, events or other."];
  },
  language_missing: (e) =>
    (e.accessible_formats || [])
      .filter((f) => f.format === "other_language" && !f.language)
      .map(() => "A format is another language but does not say which. Fill in Language with its name."),
  format_unreachable: (e) =>
    (e.accessible_formats || [])
      .filter((f) => !f.link && !f.how_to_ask)
      .map((f) => `The format "${f.format}" does not say how to get it. Add a web address, or say how to ask for it.`),
  contact_unreachable: (e) =>
    e.contact && !(e.contact.email || e.contact.phone || e.contact.address)
      ? ["Contact gives no way to reach the team. Add an email, phone or address."]
      : [],
  consultation_without_end: (e) =>
    e.type === "formal_consultation" && !e.closes
      ? ["A formal consultation needs a closing date, so people know how long they have. Fill in Closes."]
      : [],
  no_equality_assessment: (e) =>
    e.type === "formal_consultation" &&
    !e.no_equality_impact_assessment &&
    !(e.documents || []).some((d) => d.kind === "equality_impact_assessment")
      ? ["A formal consultation needs its equality impact assessment. Add it under Documents, or say why there is none."]
      : [],
  event_unplaced: (e) =>
    events(e)
      .filter((event) => !event.online && !(event.venue && event.address))
      .map((event) => `The event "${event.name || ""}" says no venue or address. Add both, or an online part that says how to join.`),
  online_unreachable: (e) =>
    events(e)
      .filter((event) => event.online && !(event.online.link || event.online.dial_in || event.online.link_sent))
      .map((event) => `The online event "${event.name || ""}" does not say how to join. Add a link, a dial-in number, or how people get the link.`),
  groups_do_not_add_up: (e) => {
    const o = e.outcome || {};
    const total = o.took_part && o.took_part.total;
    if (typeof total !== "number") return [];
    return Object.entries(o.by_group || {})
      .filter(([, counts]) => Object.values(counts || {}).reduce((sum, n) => sum + (Number(n) || 0), 0) !== total)
      .map(([question]) => `The numbers under ${question} do not add up to the ${total} people who took part. Count each person once, with Not asked or Preferred not to say.`);
  },
  version_twice: (e) => {
    const seen = new Set();
    const twice = [];
    for (const v of e.versions || []) {
      const lang = v.lang || "en";
      const at = lang.split("-")[0] === "en" ? (v.name || "").toLowerCase().replace(/[^a-z0-9]+/g, "-") : lang.toLowerCase();
      if (seen.has(at)) twice.push(`Two versions are at one address (${at}). Give each a different name or language.`);
      seen.add(at);
    }
    return twice;
  },
  unknown_theme: (e) => {
    const o = e.outcome || {};
    const themes = new Set((o.themes || []).map((t) => (t.theme || "").trim().toLowerCase()));
    return promises(e)
      .filter((c) => c.theme && !themes.has(c.theme.trim().toLowerCase()))
      .map((c) => `The promise "${c.what || ""}" answers "${c.theme}", which is not one of the themes of what people said.`);
  },
  unknown_organisation: (e) => {
    const names = new Set([e.lead, ...(e.partners || [])].filter(Boolean).map((n) => n.trim().toLowerCase()));
    return promises(e)
      .filter((c) => c.who && !names.has(c.who.trim().toLowerCase()))
      .map((c) => `The promise "${c.what || ""}" names ${c.who}, who is not the lead or a partner of this engagement.`);
  },
  dropped_without_reason: (e) =>
    promises(e)
      .filter((c) => c.status === "dropped" && !c.why_dropped)
      .map((c) => `The promise "${c.what || ""}" is dropped, so people need to know why. Fill in Why dropped.`),
  reason_without_drop: (e) =>
    promises(e)
      .filter((c) => c.why_dropped && c.status !== "dropped")
      .map((c) => `The promise "${c.what || ""}" says why it was dropped, but its status is not dropped.`),
  done_without_update: (e) =>
    promises(e)
      .filter((c) => c.status === "done" && !(c.updates || []).some((u) => u.status === "done"))
      .map((c) => `The promise "${c.what || ""}" is done, so say when: add an update with status done.`),
  status_not_latest: (e) =>
    promises(e)
      .filter((c) => {
        const dated = (c.updates || []).filter((u) => u.status && u.date).sort((a, b) => (a.date < b.date ? -1 : 1));
        return dated.length && c.status && dated[dated.length - 1].status !== c.status;
      })
      .map((c) => `The promise "${c.what || ""}" has a status that is not the one its newest update gives. Make them the same.`),
};

function events(e) {
  return (e.take_part && e.take_part.events) || [];
}

function promises(e) {
  return (e.outcome && e.outcome.commitments) || [];
}

function problemsWith(record) {
  return Object.values(RULES).flatMap((rule) => rule(record));
}

// The values at a dotted path, where "*" stands for each item of a list.
function valuesAt(value, path) {
  let found = [value];
  for (const step of path.split(".")) {
    found = found.flatMap((v) => (v == null ? [] : step === "*" ? (Array.isArray(v) ? v : []) : [v[step]]));
  }
  return found.filter((v) => v !== undefined && v !== null);
}

function filledIn(value) {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

// rules.json (made from the model with config.yml) lists the optional parts of a record and what each
// needs: a part left empty is left out, and a part that is used must be complete.
function incompleteParts(record, parts) {
  const problems = [];
  for (const part of parts || []) {
    for (const used of valuesAt(record, part.path).filter(filledIn)) {
      const missing = part.needs.filter((need) => !valuesAt(used, need.path).some(filledIn)).map((need) => need.label);
      if (missing.length) {
        problems.push(`${part.label}: fill in ${missing.join(", ")}, or empty the whole part if it does not apply.`);
      }
    }
  }
  return problems;
}

// Empty optional parts are left out of the file, as a record written by hand leaves them out:
// an empty "paper" part would otherwise be a way to take part with no description.
function isEmpty(value) {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (typeof value.toJS === "function") return value.size === 0;
  return false;
}

function pruned(value) {
  if (value && typeof value.toJS === "function") {
    return value.map(pruned).filter((item) => !isEmpty(item));
  }
  return value;
}

let partRules = {};

function beforeSaving({ entry }) {
  const data = pruned(entry.get("data"));
  const collection = entry.get("collection");
  const record = data.toJS();
  const problems = incompleteParts(record, partRules[`${collection}/${entry.get("slug")}`] || partRules[collection]);
  if (collection === "engagements") problems.push(...problemsWith(record));
  if (problems.length) {
    // Decap shows this message and does not save.
    throw new Error(problems.join(" "));
  }
  return data;
}

// --- The preview: the engagement as its public page shows it ---------------------------------------------

function EngagementPreview({ entry, widgetFor }) {
  const h = window.h;
  const e = entry.get("data").toJS();
  const list = (items, show) => h("ul", {}, (items || []).map((item, i) => h("li", { key: i }, show ? show(item) : item)));
  const t = e.take_part || {};
  const ways = [];
  if (t.online && t.online.link) ways.push(["Online", t.online.description, h("p", {}, h("a", { href: t.online.link }, "Take part online"))]);
  if (t.paper && t.paper.description) ways.push(["On paper", t.paper.description, t.paper.freepost ? h("p", {}, `Send it to this freepost address: ${t.paper.freepost}`) : null]);
  if (t.phone && t.phone.number) ways.push(["By phone", t.phone.description, h("p", {}, `Call ${t.phone.number}.`)]);
  if (t.email && t.email.address) ways.push(["By email", t.email.description, h("p", {}, `Email ${t.email.address}.`)]);
  if (t.other) ways.push(["Another way", t.other, null]);
  const o = e.outcome;
  return h(
    "div",
    { className: "md-typeset" },
    h(
      "div",
      { className: "hub hub-engagement" },
      h("h1", {}, e.title || "Title"),
      h(
        "div",
        { className: `hub-status-box hub-status-box--${status(e)}` },
        h("p", {}, h("strong", {}, statusLabel(e))),
        h("p", {}, `Open from ${longDate(e.opens)} to ${longDate(e.closes)}.`),
      ),
      h("div", { className: "hub-summary" }, h("p", {}, e.summary || "")),
      h("h2", {}, "Why we are asking"),
      widgetFor("why"),
      h("h2", {}, "What you can change"),
      h("h3", {}, "What your views can change"),
      list(e.can_influence),
      h("h3", {}, "What your views cannot change, and why"),
      e.cannot_influence && e.cannot_influence.length
        ? list(e.cannot_influence, (limit) => [h("strong", { key: "w" }, `${limit.what}. `), limit.why])
        : h("p", {}, "The organisers have not listed anything that your views cannot change."),
      h("h2", {}, "How to take part"),
      h(
        "ul",
        { className: "hub-ways" },
        ways.map(([heading, description, extra]) => h("li", { key: heading }, h("h3", {}, heading), description ? h("p", {}, description) : null, extra)),
      ),
      t.events && t.events.length
        ? [
            h("h3", { key: "h" }, "Events"),
            h(
              "ul",
              { key: "l", className: "hub-events" },
              t.events.map((event, i) =>
                h("li", { key: i, className: "hub-event" }, h("h4", {}, event.name), h("p", {}, `${longDate(event.date)}, ${event.starts || ""} to ${event.ends || ""}. ${event.venue || ""}, ${event.address || ""}`)),
              ),
            ),
          ]
        : null,
      o
        ? [
            h("h2", { key: "h" }, "You said, we did"),
            h("p", { key: "p" }, `Published on ${longDate(o.published)}.`),
            o.summary ? h("p", { key: "s" }, o.summary) : null,
            h("h3", { key: "t" }, "What you said"),
            h("div", { key: "tl" }, list(o.themes, (theme) => [h("strong", { key: "n" }, `${theme.theme}. `), theme.detail])),
            h("h3", { key: "c" }, "What we did: what changed"),
            h("div", { key: "cl" }, o.changed && o.changed.length ? list(o.changed) : h("p", {}, "Nothing has changed yet.")),
          ]
        : null,
    ),
  );
}

function status(e) {
  const today = new Date().toISOString().slice(0, 10);
  if (e.outcome) return "outcome_published";
  if (e.opens && today < e.opens) return "coming_up";
  if (e.closes && today > e.closes) return "closed";
  return "open";
}

function statusLabel(e) {
  return { outcome_published: "Outcome published", coming_up: "Coming up", closed: "Closed", open: "Open" }[status(e)];
}

function longDate(day) {
  if (!day) return "(no date yet)";
  const date = new Date(`${day}T12:00:00Z`);
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

// --- Start ----------------------------------------------------------------------------------------------

// The preview uses the stylesheets of the site's own pages: the home page names them.
async function siteStyles() {
  try {
    const home = new URL("../", document.baseURI);
    const page = new DOMParser().parseFromString(await (await fetch(home)).text(), "text/html");
    return [...page.querySelectorAll('link[rel="stylesheet"]')].map((link) => new URL(link.getAttribute("href"), home).href);
  } catch {
    return [];
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  const CMS = window.CMS;
  partRules = await (await fetch("rules.json")).json();
  for (const style of await siteStyles()) CMS.registerPreviewStyle(style);
  CMS.registerPreviewTemplate("engagements", EngagementPreview);
  CMS.registerEventListener({ name: "preSave", handler: beforeSaving });
  CMS.init();
});
