# ruff: noqa: E501  (article paragraphs are kept as one line each)
"""Fictional articles for the grouping tests, written for the project (all names invented).

Four stories, two by two in the same domain (two port strikes, two drug recalls), each told
by two outlets with different framing, plus a wire report and its syndicated copy (a new
headline, boilerplate added, the last paragraph trimmed).
"""

from __future__ import annotations

# (id, outlet, published, title, body)
Record = tuple[str, str, str, str, str]

WIRE = """BRESKA — About 1,400 crane operators and lashers walked off the job at the port of Breska on Tuesday after talks over a new three-year contract broke down, the Breska Harbour Workers' Guild said.

The guild is asking for a 7 percent raise in each year of the contract. The Breska Port Company has offered 3 percent and says the container terminal cannot afford more while volumes are falling.

"We have been patient for eleven months, and patience has not paid the rent," guild secretary Olav Mendt told reporters outside the main gate.

Nine container ships were anchored in the bay by Tuesday evening, according to the harbour master's office, and the regional chamber of commerce estimated the stoppage would cost about $12 million a day.

Port company chief executive Irena Valk said the offer was fair and that the company was ready to return to the table at any time.

Both sides are due to meet a state mediator, Tomas Erlig, on Thursday morning in Breska."""

COPY = """BRESKA — About 1,400 crane operators and lashers walked off the job at the port of Breska on Tuesday after talks over a new three-year contract broke down, the Breska Harbour Workers' Guild said.

The guild is asking for a 7 percent raise in each year of the contract. The Breska Port Company has offered 3 percent and says the container terminal cannot afford more while volumes are falling.

"We have been patient for eleven months, and patience has not paid the rent," guild secretary Olav Mendt told reporters outside the main gate.

Nine container ships were anchored in the bay by Tuesday evening, according to the harbour master's office, and the regional chamber of commerce estimated the stoppage would cost about $12 million a day.

Port company chief executive Irena Valk said the offer was fair and that the company was ready to return to the table at any time.

This story was provided by Northline Press.

Want more port news? Subscribe to the Coastal Gazette morning briefing."""

ARTICLES: tuple[Record, ...] = (
    ("breska-wire", "Northline Press", "2026-04-07",
     "Crane operators strike at Breska port over pay", WIRE),
    ("breska-copy", "Coastal Gazette", "2026-04-07",
     "Breska docks grind to a halt", COPY),
    ("breska-labour", "Workers' Daily", "2026-04-08",
     "Breska dockers stand firm as port bosses plead poverty", """Port of Breska workers stood firm on a second day of their strike on Wednesday, as the Breska Port Company kept insisting it could not afford the 7 percent raise the Breska Harbour Workers' Guild is demanding.

The company, which paid its shareholders a record dividend last year, has offered just 3 percent. "They found money for the owners; they can find it for the people who move the boxes," guild secretary Olav Mendt said at a rally at the main gate.

About 1,500 guild members are out, the guild says. Nine ships sat idle in the bay, and more were on their way.

Talks resume on Thursday before the state mediator Tomas Erlig."""),
    ("breska-business", "The Ledger Review", "2026-04-08",
     "Guild walkout at Breska costs region millions", """The walkout by the Breska Harbour Workers' Guild is costing the regional economy about $12 million a day, business leaders warned on Wednesday, as ships queued outside the port of Breska.

Irena Valk, chief executive of the Breska Port Company, said the guild's demand for a 7 percent raise each year would make the terminal uncompetitive. "Our offer of 3 percent is fair and it is still on the table," she said.

Exporters said perishable cargo was already being diverted to other ports along the coast.

The two sides meet mediator Tomas Erlig on Thursday."""),
    ("tarvik-wire", "Northline Press", "2026-04-09",
     "Tarvik ferry crews strike over rosters", """TARVIK — Ferry crews at the port of Tarvik stopped work on Thursday in a dispute over new shift rosters, cancelling every crossing to the Selle islands, the Tarvik Seafarers' Union said.

Around 600 deckhands, engineers and stewards joined the 48-hour stoppage. The union says the rosters planned by Tarvik Ferry Lines would cut rest time between shifts to eight hours.

"Tired crews are a danger to passengers," union organiser Brigit Auland said.

Tarvik Ferry Lines director Piet Soren said the new rosters met every safety rule and that the strike would strand 9,000 travellers over the weekend."""),
    ("tarvik-local", "Selle Islander", "2026-04-10",
     "Islanders stranded as Tarvik ferry strike bites", """Residents of the Selle islands were cut off from the mainland for a second day on Friday as ferry crews at Tarvik kept up their strike over shift rosters.

The Tarvik Seafarers' Union says the rosters drawn up by Tarvik Ferry Lines leave crews only eight hours of rest between shifts. "Nobody wants to sail with an exhausted engineer," organiser Brigit Auland told the Islander.

Piet Soren, a director of Tarvik Ferry Lines, said about 9,000 passengers had been affected and called on the union to return to talks.

The island's two shops said fresh food would run short by Sunday."""),
    ("velmor-wire", "Northline Press", "2026-05-12",
     "Velmor Labs recalls asthma inhaler Breathel over faulty valves", """Velmor Labs is recalling 22 batches of its asthma inhaler Breathel after tests found that some valves release too small a dose, the national drug regulator said on Tuesday.

About 310,000 inhalers are affected. Patients should not stop using them but should ask their pharmacist for a replacement, the regulator said.

"We are replacing every affected inhaler free of charge," Velmor Labs medical director Hanne Grus said.

Velmor shares fell 5 percent in early trading."""),
    ("velmor-health", "Health Watch Today", "2026-05-13",
     "Faulty Breathel inhalers: what asthma patients need to know", """Asthma patients who use Breathel inhalers made by Velmor Labs should check the batch number on the box after the company recalled 22 batches over faulty valves, doctors advised on Wednesday.

Some valves release too small a dose, the drug regulator found. About 310,000 inhalers are affected.

"Do not stop using your inhaler, but get it swapped at the pharmacy this week," said respiratory nurse Colm Arden.

Velmor Labs medical director Hanne Grus said replacements were free."""),
    ("quorra-wire", "Northline Press", "2026-05-14",
     "Quorra Pharma recalls heart drug Cardexin over label mix-up", """Quorra Pharma is recalling 8 batches of its heart drug Cardexin after some packs were found to carry the label of a stronger dose, the national drug regulator said on Thursday.

About 45,000 packs of the tablets are affected. The regulator said patients should compare the strength printed on each blister with their prescription.

"A packaging line error caused this, and we have shut that line," Quorra Pharma spokesman Aldo Fenn said.

No patient has been reported harmed, the regulator said."""),
    ("quorra-critic", "The Patient Voice", "2026-05-15",
     "Quorra's Cardexin label blunder is a warning on drug packaging", """The recall of 8 batches of Quorra Pharma's heart drug Cardexin over wrongly labelled packs shows how thin the safety checks on drug packaging have become, patient groups said on Friday.

Some 45,000 packs carried the label of a stronger dose. "One wrong label on a heart drug can kill," said Mirela Tosk of the Heart Patients' Association.

Quorra Pharma blamed a single packaging line, which it has shut. The regulator said it would inspect the plant next week."""),
)

# The answer: which articles form which story; and the syndicated pair.
STORIES: tuple[frozenset[str], ...] = (
    frozenset({"breska-wire", "breska-copy", "breska-labour", "breska-business"}),
    frozenset({"tarvik-wire", "tarvik-local"}),
    frozenset({"velmor-wire", "velmor-health"}),
    frozenset({"quorra-wire", "quorra-critic"}),
)
SYNDICATED = (("breska-wire", "breska-copy"),)
TRIMMED = ("Both sides are due to meet a state mediator, Tomas Erlig, on Thursday morning "
           "in Breska.")
