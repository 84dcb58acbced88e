INSERT INTO
	public.allowed_email_domains (domain)
VALUES
	('lfg-b.de'),
	('senbjf-goeurope.de'),
	('aufarbeitung-berlin.de'),
	('bebuepol-berlin.de'),
	('anlaufstelle-buergerbeteiligung.de'),
	('itdz-berlin.de'),
	('sfbb.berlin-brandenburg.de'),
	('lme.berlin-brandenburg.de'),
	('datenschutz-berlin.de');
