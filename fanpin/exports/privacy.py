"""What a list shown to the public must never carry (SPEC §10, §11): ID numbers, phones, bank
accounts and health conditions. Judged on the field name and its label, so a custom field an admin
adds later (银行卡号, 残疾等级 …) is caught as well."""

from __future__ import annotations

SENSITIVE_PARTS = (
	# field names
	"id_number",
	"id_card",
	"phone",
	"mobile",
	"bank",
	"account",
	"health",
	"illness",
	"disab",
	"medical",
	# labels, in Chinese and English
	"身份证",
	"证件",
	"电话",
	"手机",
	"银行",
	"账号",
	"帐号",
	"卡号",
	"健康",
	"疾病",
	"病",
	"残",
	"id number",
)


def is_sensitive(fieldname: str, label: str = "") -> bool:
	text = f"{fieldname} {label}".lower()
	return any(part.lower() in text for part in SENSITIVE_PARTS)
