-- The twelve senates of April 2013 and today's nine (DESIGN.md §1). ICBs are today's ODS codes;
-- senates that ended before ICBs existed (July 2022) cover none. The exact end dates of the Wessex
-- and Thames Valley senates (absorbed by South East) are approximate: a platform-admin corrects
-- them with PUT /senates/{slug}.
INSERT INTO senate (slug, name, region, covered_icbs, active_from, active_to, predecessors) VALUES
 ('wessex', 'Wessex Clinical Senate', 'South East', '{}', '2013-04-01', '2020-03-31', '{}'),
 ('thames-valley', 'Thames Valley Clinical Senate', 'South East', '{}', '2013-04-01', '2020-03-31', '{}'),
 ('cheshire-and-merseyside', 'Cheshire and Merseyside Clinical Senate', 'North West', '{}', '2013-04-01', '2021-03-31', '{}'),
 ('greater-manchester', 'Greater Manchester Clinical Senate', 'North West', '{}', '2013-04-01', '2021-03-31', '{}'),
 ('south-east', 'South East Clinical Senate', 'South East', '{QRL,QU9,QXU,QKS,QNQ,QNX}', '2013-04-01', NULL, '{thames-valley,wessex}'),
 ('london', 'London Clinical Senate', 'London', '{QMJ,QMF,QRV,QKK,QWE}', '2013-04-01', NULL, '{}'),
 ('east-of-england', 'East of England Clinical Senate', 'East of England', '{QUE,QM7,QHG,QH8,QJG,QMM}', '2013-04-01', NULL, '{}'),
 ('east-midlands', 'East Midlands Clinical Senate', 'Midlands', '{QJ2,QK1,QJM,QPM,QT1}', '2013-04-01', NULL, '{}'),
 ('west-midlands', 'West Midlands Clinical Senate', 'Midlands', '{QHL,QUA,QWU,QOC,QNC,QGH}', '2013-04-01', NULL, '{}'),
 ('yorkshire-and-the-humber', 'Yorkshire and the Humber Clinical Senate', 'North East and Yorkshire', '{QOQ,QF7,QWO}', '2013-04-01', NULL, '{}'),
 ('northern-england', 'Northern England Clinical Senate', 'North East and Yorkshire', '{QHM}', '2013-04-01', NULL, '{}'),
 ('north-west', 'North West Clinical Senate', 'North West', '{QYG,QOP,QE1}', '2021-04-01', NULL, '{cheshire-and-merseyside,greater-manchester}'),
 ('south-west', 'South West Clinical Senate', 'South West', '{QOX,QSL,QJK,QT6,QUY,QR1,QVV}', '2013-04-01', NULL, '{}');
