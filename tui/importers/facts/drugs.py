"""Is this word a drug? A list of common agents, the naming stems of the rest, and drug classes.

Drug names follow the WHO's INN stems: `-azepam` and `-azolam` are benzodiazepines,
`-caine` local anaesthetics, `-mab` antibodies, `-nib` kinase inhibitors, and so on. A word
ending in a stem, or in the list of agents that predate the stems (morphine, fentanyl,
acetaminophen), is read as a drug. A class ("a non-steroidal anti-inflammatory drug",
"opioids") is a drug whose agent the report does not name; it becomes a row only when the
sentence gives it to the patient.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A word list written as running text (one place to read, easy to extend)."""
    return frozenset(text.split())


AGENTS = _words(
    """acetaminophen paracetamol aspirin ibuprofen naproxen diclofenac ketorolac celecoxib etoricoxib indomethacin
    meloxicam metamizole dipyrone morphine fentanyl hydromorphone oxycodone hydrocodone codeine tramadol tapentadol
    methadone buprenorphine pethidine meperidine remifentanil sufentanil alfentanil nalbuphine butorphanol
    naloxone naltrexone ketamine esketamine lidocaine lignocaine bupivacaine levobupivacaine ropivacaine mepivacaine
    prilocaine procaine tetracaine capsaicin gabapentin pregabalin carbamazepine oxcarbazepine lamotrigine
    levetiracetam topiramate valproate phenytoin clonazepam diazepam lorazepam midazolam alprazolam baclofen
    tizanidine cyclobenzaprine methocarbamol orphenadrine dantrolene amitriptyline nortriptyline duloxetine
    venlafaxine milnacipran sertraline fluoxetine paroxetine citalopram escitalopram mirtazapine trazodone
    clonidine dexmedetomidine haloperidol olanzapine quetiapine risperidone dexamethasone prednisone
    prednisolone methylprednisolone hydrocortisone triamcinolone betamethasone ondansetron metoclopramide
    domperidone omeprazole pantoprazole esomeprazole lansoprazole famotidine ranitidine magnesium
    zoledronate pamidronate denosumab bortezomib lenalidomide thalidomide pomalidomide melphalan
    cyclophosphamide doxorubicin cisplatin carboplatin oxaliplatin paclitaxel docetaxel gemcitabine vincristine
    methotrexate rituximab infliximab adalimumab etanercept tocilizumab insulin heparin enoxaparin warfarin
    apixaban rivaroxaban dabigatran vancomycin ceftriaxone cefazolin amoxicillin ampicillin piperacillin
    meropenem ciprofloxacin levofloxacin metronidazole clindamycin doxycycline azithromycin acyclovir valacyclovir
    fluconazole botulinum onabotulinumtoxina ziconotide memantine melatonin propofol sevoflurane nitrous
    epinephrine adrenaline norepinephrine noradrenaline dopamine dobutamine atropine glycopyrrolate furosemide
    mannitol salbutamol cannabidiol dronabinol nabilone lithium levothyroxine metformin allopurinol colchicine
    sumatriptan verapamil propranolol amlodipine nifedipine hydroxyzine diphenhydramine promethazine scopolamine
    loperamide senna lactulose bisacodyl"""
)
"""Agents whose names predate or escape the stems, and a few ions given as drugs."""

STEMS = (
    "azepam", "azolam", "barbital", "caine", "codone", "morphone", "fentanil", "profen", "fenac", "coxib",
    "oxacin", "cillin", "cycline", "mycin", "micin", "conazole", "ciclovir", "navir", "previr", "buvir", "mab",
    "tinib", "zomib", "platin", "rubicin", "taxel", "statin", "sartan", "olol", "dipine", "tidine", "prazole",
    "setron", "triptan", "lukast", "gliptin", "gliflozin", "parin", "xaban", "gatran", "sone", "olone", "onide",
    "triptyline", "oxetine", "pramine", "apine", "peridol", "gabalin", "pentin", "semide", "thiazide",
    "dronate", "tropium", "curium", "curonium", "flurane", "terol", "tecan", "citabine", "fosfamide", "lidomide",
)  # fmt: skip
"""INN stems (WHO) that end a drug's name."""

NOT_DRUGS = frozenset(
    {"april", "person", "reason", "season", "poison", "comparison", "magazine", "caffeine", "cholesterol"}
)
"""Ordinary words that happen to end like a drug."""

SALTS = _words(
    """sulfate sulphate hydrochloride hcl citrate phosphate tartrate maleate besylate bromide acetate succinate
    sodium potassium mesylate fumarate hydrobromide glycinate oxide chloride"""
)
"""Words after a drug that belong to its name (`morphine sulfate`)."""

CLASSES = re.compile(
    r"\b(?:non-?steroidal anti-?inflammatory drugs?|nsaids?|opioids?(?: analgesics?)?|benzodiazepines?|"
    r"antidepressants?|anticonvulsants?|antiepileptics?|corticosteroids?|steroids?|antibiotics?|"
    r"muscle relaxants?|antiemetics?|anticoagulants?|bisphosphonates?|chemotherapy|immunotherapy|"
    r"radiotherapy|antipsychotics?|gabapentinoids?)\b",
    re.IGNORECASE,
)
"""Drug classes named in place of an agent."""

MULTI_WORD = re.compile(
    r"\b(?:vitamin\s+[A-K]\d{0,2}|folic\s+acid|(?:zoledronic|valproic|tranexamic|hyaluronic|ascorbic)\s+acid|"
    r"ferrous\s+\w+|iron\s+sucrose|botulinum\s+toxin(?:\s+type\s+[AB])?|nitrous\s+oxide)\b",
    re.IGNORECASE,
)
"""Agents named in two or three words."""

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*")


def is_drug(word: str) -> bool:
    """Whether a single word names a drug (an agent or a stem), whatever its case."""
    folded = word.casefold().strip("-")
    if len(folded) < 4 or folded in NOT_DRUGS:
        return False
    if folded in AGENTS:
        return True
    return len(folded) >= 6 and folded.endswith(STEMS)


def drug_names(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of every drug named in `text`: `morphine sulfate` is one name."""
    found = [(display_name(m.group()), m.start(), m.end()) for m in MULTI_WORD.finditer(text)]
    taken = [(start, end) for _name, start, end in found]
    matches = list(_WORD.finditer(text))
    skip_until = -1
    for position, match in enumerate(matches):
        if match.start() < skip_until or not is_drug(match.group()):
            continue
        if any(start <= match.start() < end for start, end in taken):
            continue
        end = match.end()
        if position + 1 < len(matches) and matches[position + 1].group().casefold() in SALTS:
            following = matches[position + 1]
            if text[end : following.start()] == " " and following.group().casefold() != match.group().casefold():
                end = following.end()
        found.append((display_name(text[match.start() : end]), match.start(), end))
        skip_until = end
    return sorted(found, key=lambda item: item[1])


def display_name(name: str) -> str:
    """A name as the table shows it: `Fentanyl` at a sentence start reads `fentanyl`; `NSAID` stays."""
    return " ".join(word.lower() if word[:1].isupper() and word[1:].islower() else word for word in name.split())
