function Get-OrcMigration {
    <#
    .SYNOPSIS
        Gets the recorded migrations from a legacy poller and the state of each.
    .DESCRIPTION
        Reads <store>/migrations/<name>/state.json and the snapshot manifest of every migration
        (or of those named). Status is InProgress, Failed (Error says which step and why),
        Completed or RolledBack; Steps holds the time (UTC) each step finished, Undo the time
        each rollback step finished. Added lists the tasks the migration created and Replaced
        the ones that existed before and are restored by Undo-OrcMigration.
    .PARAMETER Name
        Migration names; wildcards are accepted. Default: every migration.
    .EXAMPLE
        Get-OrcMigration

        Lists every migration with its status.
    .EXAMPLE
        Get-OrcMigration -Name poller-2026 | Format-List *

        Shows each step's time, the legacy command line and the tasks added and replaced.
    .INPUTS
        System.String
    .OUTPUTS
        Orchestrator.Migration
    .LINK
        Start-OrcMigration
    .LINK
        Undo-OrcMigration
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.Migration')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [SupportsWildcards()]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name = @('*')
    )

    begin {
        $root = Join-Path (Get-OrcStoreHome) 'migrations'
    }

    process {
        $folders = @()
        if ([System.IO.Directory]::Exists($root)) { $folders = @(Get-ChildItem -LiteralPath $root -Directory | Where-Object { -not $_.Name.StartsWith('.') } | Sort-Object -Property Name) }
        foreach ($pattern in $Name) {
            $wildcard = New-Object -TypeName System.Management.Automation.WildcardPattern -ArgumentList $pattern, ([System.Management.Automation.WildcardOptions]::IgnoreCase)
            $matched = @($folders | Where-Object { $wildcard.IsMatch($_.Name) })
            if ($matched.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($pattern)) {
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.MigrationNotFound' -Category ObjectNotFound -TargetObject $pattern `
                            -Message "Migration '$pattern' was not found in '$root'. Get-OrcMigration lists the migrations."))
                continue
            }
            foreach ($folder in $matched) {
                try { $state = Read-OrcMigrationState -Path (Join-Path $folder.FullName 'state.json') }
                catch { $PSCmdlet.WriteError($_); continue }
                if (-not $state) { continue }
                $manifest = $null
                $manifestPath = Join-Path (Join-Path $folder.FullName 'snapshot') 'manifest.json'
                if ([System.IO.File]::Exists($manifestPath)) { $manifest = ConvertFrom-OrcJson -Json ([System.IO.File]::ReadAllText($manifestPath)) }
                $added = @()
                $replaced = @()
                if ($manifest) {
                    $added = @(foreach ($task in @($manifest.tasks)) { if ($task -and -not $task.defined) { [string]$task.name } })
                    $replaced = @(foreach ($task in @($manifest.tasks)) { if ($task -and $task.defined) { [string]$task.name } })
                }
                $legacyCommand = $null
                $legacyId = $null
                if ($state.legacy) {
                    $legacyCommand = [string]$state.legacy.CommandLine
                    $legacyId = $state.legacy.ProcessId
                }
                [pscustomobject]@{
                    PSTypeName        = 'Orchestrator.Migration'
                    Name              = [string]$state.name
                    Status            = [string]$state.status
                    Created           = $state.created
                    Updated           = $state.updated
                    DefinitionPath    = $state.definitionPath
                    LegacyCommandLine = $legacyCommand
                    LegacyProcessId   = $legacyId
                    Steps             = $state.steps
                    Undo              = $state.undo
                    Added             = $added
                    Replaced          = $replaced
                    Error             = $state.error
                    Path              = $folder.FullName
                }
            }
        }
    }
}
