"""Who may write which field when: procedure fields in their own stage, facts of a decided case,
warnings once disposed of, and the size of a department file."""

import io
import zipfile

import pytest

from fanpin.imports import reader
from fanpin.policy import exit as exit_rules
from fanpin.policy import procedure
from fanpin.policy.messages import PolicyError
from fanpin.policy.warnings import ALREADY, INCLUDED, NO_RISK, PENDING, check_case_link, edit_errors


def test_comparison_result_only_during_comparison():
	fields = procedure.CASE_STAGE_FIELDS
	assert procedure.stage_field_errors(fields, procedure.COMPARISON, ["comparison_result"]) == []
	assert procedure.stage_field_errors(fields, procedure.MONITORING, ["comparison_result"]) == [
		("comparison_result", procedure.COMPARISON)
	]
	assert procedure.stage_field_errors(
		fields, procedure.VERIFICATION, ["verified_on", "appraisal_date"]
	) == [("appraisal_date", procedure.APPRAISAL)]
	assert procedure.stage_field_errors(fields, procedure.APPRAISAL, ["rejection_reason"]) == []


def test_each_field_belongs_to_one_stage():
	for stage_fields in (procedure.CASE_STAGE_FIELDS, exit_rules.EXIT_STAGE_FIELDS):
		owned = [field for fields in stage_fields.values() for field in fields]
		assert len(owned) == len(set(owned))


@pytest.mark.parametrize("stage", procedure.DECIDED)
def test_facts_of_a_decided_case_are_frozen(stage):
	assert procedure.frozen_fact_errors(stage, ["risk_types", "condition_a", "verification_notes"]) == [
		"risk_types",
		"condition_a",
	]


@pytest.mark.parametrize("stage", procedure.OPEN_STAGES)
def test_facts_of_an_open_case_may_change(stage):
	assert procedure.frozen_fact_errors(stage, ["risk_types", "household"]) == []


def test_included_warning_points_at_an_open_case_of_the_same_household():
	check_case_link(INCLUDED, "HH-1", "HH-1", True)
	check_case_link(NO_RISK, "HH-1", None, False)
	with pytest.raises(PolicyError, match="household"):
		check_case_link(INCLUDED, "HH-1", "HH-2", True)
	with pytest.raises(PolicyError, match="household"):
		check_case_link(ALREADY, None, None, False)
	with pytest.raises(PolicyError, match="closed"):
		check_case_link(ALREADY, "HH-1", "HH-1", False)


def test_disposed_warning_is_read_only_and_what_was_sent_never_changes():
	assert edit_errors(None, ["village", "status"]) == []  # a new warning
	assert edit_errors(PENDING, ["status", "reason", "village", "household"]) == ["village", "household"]
	assert edit_errors(NO_RISK, ["reason"]) == ["reason"]
	assert edit_errors(INCLUDED, []) == []


def test_a_file_too_large_is_refused_by_name():
	with pytest.raises(PolicyError, match=r"big\.csv"):
		reader.check_size(b"x" * (reader.MAX_FILE_BYTES + 1), "big.csv")


def test_a_zip_bomb_is_refused_before_it_is_opened():
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
		archive.writestr("xl/worksheets/sheet1.xml", b"0" * (reader.MAX_UNPACKED_BYTES + 1))
	content = buffer.getvalue()
	assert len(content) < reader.MAX_FILE_BYTES
	with pytest.raises(PolicyError, match="unpacks"):
		list(reader.read_rows(content, "bomb.xlsx"))


def test_too_many_rows_are_refused(monkeypatch):
	monkeypatch.setattr(reader, "MAX_ROWS", 3)
	with pytest.raises(PolicyError, match="more than 3 rows"):
		list(reader.read_rows(b"a\nb\nc\nd\n", "rows.csv"))
	assert len(list(reader.read_rows(b"a\nb\nc\n", "rows.csv"))) == 3


def test_a_child_has_no_labour():
	from fanpin.policy.household import NO_LABOUR, labour_skill_for_age

	assert labour_skill_for_age(14, None) == NO_LABOUR
	assert labour_skill_for_age(14, "Lost labour capacity") == "Lost labour capacity"
	assert labour_skill_for_age(16, "Ordinary labour") == "Ordinary labour"
	with pytest.raises(PolicyError, match="under the working age"):
		labour_skill_for_age(14, "Ordinary labour")
