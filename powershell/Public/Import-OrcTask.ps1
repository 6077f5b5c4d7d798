function Import-OrcTask {
    <#
    .SYNOPSIS
        Converts a crontab, an exported Task Scheduler task or a JSON/CSV task list into one definition file per task.
    .DESCRIPTION
        Import-OrcTask asks orc-exec ('orc-exec import') to convert each entry of the source file into a
        task definition, validated exactly as Register-OrcTask validates one, and writes each converted
        definition to <Destination>\<name>.json (UTF-8 without a byte order mark, atomically: a temporary
        file renamed into place). An existing file is replaced only with -Force. The folder is then ready
        for Sync-OrcTask -Path or Register-OrcTask -Path.

        It returns one Orchestrator.ImportResult per source entry: Converted (written), Refused (the entry
        cannot be expressed exactly; Reason says why and Field where) or Skipped (the file exists and
        -Force was not given, or -WhatIf / -Confirm declined the write). docs/import.md lists the formats
        and what is refused and why.
    .PARAMETER Path
        The source file: a crontab, one task exported from Task Scheduler (XML), or a task list (.json or .csv).
    .PARAMETER Format
        Auto (the default) picks TaskSchedulerXml for XML content, TaskList for .json and .csv files and
        Crontab for anything else.
    .PARAMETER Destination
        The folder the definitions are written to; it is created when missing.
    .PARAMETER UserColumn
        Read a crontab in the /etc/crontab and /etc/cron.d format, with a user column after the schedule.
        Files under /etc/cron.d and /etc/crontab itself are read that way without it.
    .PARAMETER Force
        Replace definition files that already exist in Destination.
    .PARAMETER WhatIf
        Shows which files would be written without writing them.
    .PARAMETER Confirm
        Asks for confirmation before each file is written.
    .EXAMPLE
        crontab -l > legacy.cron; Import-OrcTask -Path legacy.cron -Destination ./tasks

        Converts the current user's crontab; each entry becomes ./tasks/<name>.json.
    .EXAMPLE
        Export-ScheduledTask -TaskName 'Nightly Backup' | Set-Content -Encoding Unicode nightly.xml
        Import-OrcTask -Path .\nightly.xml -Destination C:\Orchestrator\tasks

        Wraps an existing scheduled task's program in orc-exec, keeping its trigger as cron when a
        cron expresses it exactly.
    .EXAMPLE
        Import-OrcTask -Path poller-tasks.csv -Destination ./tasks -Force | Where-Object Status -eq Refused

        Converts a poller's task list, replacing earlier imports, and shows what could not be converted.
    .INPUTS
        None.
    .OUTPUTS
        Orchestrator.ImportResult with Name, Source, Status (Converted, Refused or Skipped), Reason, Field and Path.
    .LINK
        Register-OrcTask
    .LINK
        Export-OrcTask
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, Position = 0)]
        [ValidateNotNullOrEmpty()]
        [string] $Path,

        [ValidateSet('Auto', 'Crontab', 'TaskSchedulerXml', 'TaskList')]
        [string] $Format = 'Auto',

        [Parameter(Mandatory, Position = 1)]
        [ValidateNotNullOrEmpty()]
        [string] $Destination,

        [switch] $UserColumn,

        [switch] $Force
    )

    $source = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
    if (-not (Test-Path -LiteralPath $source -PathType Leaf)) {
        $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.FileNotFound' -Category ObjectNotFound -TargetObject $Path `
                    -Message "Import-OrcTask: -Path '$Path' is not a file. Give the path of a crontab, an exported task XML or a .json/.csv task list."))
    }
    $folder = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Destination)
    $arguments = @(Get-OrcImportArgument -Path $source -Format $Format -UserColumn:$UserColumn)

    $exec = Invoke-OrcExec -ArgumentList $arguments -Raw
    if ($exec.ExitCode -ne 0 -and $exec.ExitCode -ne 3) {
        $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.ImportFailed' -Category InvalidData -TargetObject $Path `
                    -Message "Import-OrcTask: orc-exec could not import '$Path' (exit $($exec.ExitCode)): $($exec.StdErr)"))
    }

    if (-not (Test-Path -LiteralPath $folder -PathType Container)) {
        if ($PSCmdlet.ShouldProcess($folder, 'Create the destination folder')) {
            $null = New-Item -ItemType Directory -Path $folder -Force
        }
    }
    $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    # Four columns by default, so the results show as a table.
    $display = New-Object -TypeName System.Management.Automation.PSPropertySet -ArgumentList @('DefaultDisplayPropertySet', [string[]]@('Name', 'Status', 'Source', 'Reason'))
    $standard = [System.Management.Automation.PSMemberInfo[]]@($display)
    foreach ($line in $exec.Output) {
        if (-not $line.Trim().StartsWith('{')) { continue }
        $entry = ConvertFrom-Json -InputObject $line
        # Members orc-exec leaves out are empty (the module runs under strict mode).
        $member = @{}
        foreach ($p in $entry.PSObject.Properties) { $member[$p.Name] = $p.Value }
        $result = [pscustomobject]@{
            PSTypeName = 'Orchestrator.ImportResult'
            Name       = [string]$member['name']
            Source     = [string]$member['source']
            Status     = 'Refused'
            Reason     = [string]$member['reason']
            Field      = [string]$member['field']
            Path       = $null
        }
        $result | Add-Member -MemberType MemberSet -Name PSStandardMembers -Value $standard
        if ($member['status'] -ne 'converted') {
            Write-Verbose "Import-OrcTask: $($result.Source) refused: $($result.Field): $($result.Reason)"
            $result
            continue
        }
        $target = Join-Path $folder "$($result.Name).json"
        $result.Path = $target
        if ((Test-Path -LiteralPath $target) -and -not $Force) {
            $result.Status = 'Skipped'
            $result.Reason = "'$target' already exists; add -Force to replace it"
            $result
            continue
        }
        if (-not $PSCmdlet.ShouldProcess($target, "Write the definition of '$($result.Name)' imported from $($result.Source)")) {
            $result.Status = 'Skipped'
            $result.Reason = 'not written (-WhatIf, or declined)'
            $result
            continue
        }
        try {
            Write-OrcDefinitionFile -Path $target -Text ((Get-OrcImportDefinitionText -Line $line) + "`n") -Encoding $utf8 -Confirm:$false
            $result.Status = 'Converted'
        }
        catch {
            $result.Status = 'Skipped'
            $result.Reason = "could not write '$target': $($_.Exception.Message)"
            $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.ImportWriteFailed' -Category WriteError -TargetObject $target -Exception $_.Exception `
                        -Message "Import-OrcTask: could not write '$target': $($_.Exception.Message)"))
        }
        $result
    }
}
