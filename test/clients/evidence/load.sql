\set ON_ERROR_STOP 1
SET search_path = regionpolicy, public;
INSERT INTO program (ministry, fiscal_year, name_ko) VALUES
	('MOTIE', 2024, '지역혁신협력지구(클러스터)육성'), ('MSS', 2024, '지역주력산업 R&D'),
	('MOTIE', 2025, '지역혁신협력지구(클러스터)육성'), ('MSS', 2025, '지역주력산업 R&D');
COPY allocation_entry (program, province, fiscal_year, amount, reference) FROM STDIN WITH (FORMAT csv);
지역혁신협력지구(클러스터)육성,부산,2024,"국비 65억원, 시비 28억원",C-26
지역혁신협력지구(클러스터)육성,경상남도,2024,"총 93억원(국비 65, 지방비 28)",C-48
지역혁신협력지구(클러스터)육성,Jeju,2024,국비 65억원 지방비 28억원,C-50
지역혁신협력지구(클러스터)육성,강원,2024,"국비 10억원, 지방비 5억원",C-51
\.
-- with money that is neither 국비 nor 지방비 (기타: a company's share)
COPY allocation_entry (program, province, fiscal_year, "national", local, other, unit, reference) FROM STDIN WITH (FORMAT csv);
지역주력산업 R&D,강원,2024,"7,979,230","1,994,808","1,250,000",천원,R-51
지역주력산업 R&D,충북,2024,"8,120,000","2,030,000",,천원,R-43
지역주력산업 R&D,부산,2024,"1,234,567","0",,천원,R-26
\.
-- what real data has besides: the same lines executed, and the next year's
-- plan (a dashboard that adds phases or years shows far too much)
COPY allocation_entry (program, province, fiscal_year, phase, amount, reference) FROM STDIN WITH (FORMAT csv);
지역혁신협력지구(클러스터)육성,부산,2024,executed,"국비 61억원, 시비 27억원",C-26
지역혁신협력지구(클러스터)육성,경상남도,2024,executed,"국비 65억원, 지방비 26억원",C-48
지역주력산업 R&D,강원,2024,executed,"국비 79억원, 지방비 19억원",R-51
지역혁신협력지구(클러스터)육성,부산,2025,planned,"국비 70억원, 시비 30억원",C-26
지역혁신협력지구(클러스터)육성,경상남도,2025,planned,"국비 70억원, 지방비 30억원",C-48
지역혁신협력지구(클러스터)육성,강원,2025,planned,"국비 12억원, 지방비 6억원",C-51
지역주력산업 R&D,충북,2025,planned,"국비 85억원, 지방비 21억원",R-43
\.
INSERT INTO cluster_diagnosis (cluster_id, fiscal_year, requested_stage, self_score, has_rnd_body, workforce_program)
SELECT id, 2024, CASE WHEN id IN (1, 8, 9, 10, 11, 12, 13) THEN 2 ELSE 1 END, 60 + id * 2.5, id % 4 <> 0, id <> 5 FROM cluster;
INSERT INTO cluster_evaluation SELECT id, 2024, 55 + id * 3 FROM cluster;
INSERT INTO differential_pool (fiscal_year, pool) VALUES (2024, 92900000000);
-- a line that names its 시·군·구, and an award (every view has rows)
INSERT INTO allocation_entry (program, province, municipality, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구(클러스터)육성', '강원', '홍천군', 2024, '국비 3억원', 'M-51720');
INSERT INTO award_entry (program, reference, recipient, business_number, province, first_year, years, grant_amount, private_cash) VALUES
	('자유공모', 'RS-2023-001', '(주)경남정밀', '220-81-62517', '경남', 2023, 2, '국비 2억원', '5천만원');
INSERT INTO award_entry (program, reference, recipient, business_number, province, first_year, years, grant_amount, private_cash) VALUES
	('자유공모', 'RS-2023-002', '부산기계(주)', '104-81-45521', '부산', 2023, 2, '국비 3억원', '1억원');
