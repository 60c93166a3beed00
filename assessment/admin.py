from django.contrib import admin

from .models import Assessment, PeerDataVersion


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "language", "overall_score", "segment", "completed_at")
    list_filter = ("segment", "language", "questionnaire_version")
    # The token is the respondent's private key: not shown, not searchable.
    exclude = ("token",)
    readonly_fields = ("created_at", "updated_at", "completed_at")

    # A deleted assessment takes its peer row with it: cached peer figures must not count it.
    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        PeerDataVersion.bump()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        PeerDataVersion.bump()
