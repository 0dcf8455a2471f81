"""Short reports of other genres, written for the quote and attribution tests."""

POLITICS = """Senate passes budget after all-night session

The Senate passed the budget bill early on Friday after a marathon debate, sending it to the president's desk.
"This is a victory for working families," said Senator Maria Lopez, who led the negotiations. "We did not get everything we wanted, but we got close."
Opposition leader Tom Brennan called the bill a 'giveaway' to donors. He said the party would fight it in the courts.
“We will not stop here,” he told reporters outside the chamber.
According to the Congressional Budget Office, the plan will add $1.2 trillion to the deficit over ten years.
Party insiders say the vote was closer than expected. The finance ministry confirmed that spending would rise.
"""

DISASTER = """Floods leave thousands homeless in river valley

Heavy rain caused the river to burst its banks on Tuesday, flooding hundreds of homes in the valley's lower districts.
"The water came in so fast we had no time to take anything," said one resident, Ana Petrova, 54. "Our house is gone."
Rescue teams pulled 40 people from rooftops, the regional fire service said in a statement.
The Red Cross warned that clean water was running out. A spokesman for the charity said supplies would arrive by Thursday.
Local officials, speaking on condition of anonymity, said the dam's 'emergency plan' had never been tested.
At least 12 people were reported missing.
Officials at the scene said the death toll could rise. They added that more rain was forecast.
"""

COURT = """Former mayor jailed for bribery

A former mayor was sentenced to six years in prison on Monday for taking bribes from construction firms.
Judge Helen Ward told the court that the defendant had "betrayed the trust of the people who elected him."
"I have no doubt that you knew exactly what you were doing," the judge said.
The defence lawyer, Paul Grant, said his client would appeal. “This verdict is wrong,” Grant said. “The evidence was circumstantial.”
Prosecutors said the mayor had received more than $300,000 over five years.
The court heard that the payments were described as 'consulting fees' in company accounts.
The mayor's wife, who was in court, wept as the sentence was read. She later told the Daily Herald she was "heartbroken."
"""

SPORT = """'We were robbed': coach fumes after late penalty

City's coach was furious after a stoppage-time penalty gave United a 2-1 win at the weekend.
“We were robbed,” said coach Marco Silva. “The referee didn't see the foul, and everyone in the stadium did."
The club’s captain, James Okafor, said the players were "gutted" but would bounce back.
According to local media, the club will complain to the league.
The league declined to comment. United's manager said his side had "earned the win" and praised the fans' support.
"It was a proper battle," he added.
Reports suggest the referee will be dropped for next week's fixtures.
"""

PULL = """Residents return to shattered town

Many families came back on Sunday to find their homes in ruins.

'Nothing is left of our street'

- Samir Haddad, shopkeeper

"Nothing is left of our street," said shopkeeper Samir Haddad. "We will rebuild anyway."
An aid worker, who asked not to be named, said food was short. “People are hungry,” she said.
"""

# written for the speaker-attribution fixes: pronoun gender, paragraphs, cue frames
HEARING = """Council approves new bus depot after heated hearing

The city council voted 7-2 on Tuesday to approve a new bus depot on the old brickworks site.
Councillor Ruth Amadi, who chairs the transport committee, said the depot would cut delays. She said work could start in May.
Mr Deng, a shopkeeper on Kiln Street, was not convinced. "Nobody asked us about the lorries," he said.
"It is the right site," she said. "We have waited ten years for this."
Deng said the noise would be "unbearable" and urged the council to reconsider.
"The dust will be everywhere," said Harold Pike, a retired builder who has lived on the street since 1980 and who spoke at the hearing. "My grandchildren play here."
Residents dismissed the council's traffic study as "pure guesswork".
Campaigners handed out leaflets about the so-called "green depot" outside the hall.
Harbour Logistics, which will run the depot, welcomed the vote. "This is good news for the city," the firm said in a statement.
"""

APPEAL = """Charity appeal after storm

"We lost the roof in an hour. The rain came straight into the kitchen.

"We have nowhere else to go," said Ines Varga, a mother of three.
"It was terrifying," she sighed.
A volunteer for the food bank, Tariq Bello, said the shelves were nearly empty.
Witnesses said the river rose within minutes. Union leaders said staff had worked through the night. Sources close to the mayor said an inquiry was likely.
Fire officials said the cause was under review.
"""

# Written for the tests of speaker errors seen on unseen reports: each paragraph shows one kind.
HARBOUR = """Port strike enters second week

Dock workers at Port Ellery stayed out on Monday. Nadia Brook, a spokeswoman for the port authority, said talks would resume on Friday.
The union's leader, Sam Oduya, said members were angry.
"We have been patient for two years," the spokeswoman said. "Patience has limits too."

“We have had no wages for nine days.” Crane driver Ruth Adeyemi, 63, said the strike fund had run dry.

Councillor Ben Ashdown said the dispute had been handled badly. "Nobody read the offer properly. I certainly did not."

Among the families on the picket line was Clara Voss, whose brother, Emil Voss, also works at the port. He joined the union in 1990.

"He has never missed a shift," she said.

"The port cannot wait forever," Harbour Master Lidia Okonkwo told reporters. Okonkwo said ships were already sailing to other ports.

"The offer is generous," harbour engineer Tomas Ferrand said. He added that the cranes were idle.

The Ellery Dock Company, the port's main operator, did not respond to a request for comment.

Striker Ivo Mensah summed up the mood after the rally: 'We're staying out. The bosses' offer is an insult.'

Oduya's deputy, Grace Lamb, insisted the union was 'united'. Officials branded the walkout 'an attack on the town's economy'.
"""
