function Export-OrcTask {
    <#
    .SYNOPSIS
        Writes a task's stored definition (JSON) to a file or to the pipeline, exactly as it is stored.
    .DESCRIPTION
        Export-OrcTask reads the definition from the store through orc-exec ('orc-exec define <task>
        --export') and never passes it through PowerShell objects, so every string, number and key
        comes out as stored. Without -Path it returns the JSON text (one string per task); with
        -Path it writes the text to that file (or, when -Path is a folder, to <name>.json in it) as
        UTF-8 without a byte order mark, atomically. An existing file is replaced only with -Force.

        Register-OrcTask -Path on an exported file, or the exported text piped to Register-OrcTask,
        registers the same definition: the stored bytes do not change.
    .PARAMETER Name
        The tasks to export.
    .PARAMETER Path
        A file, or a folder to write <name>.json into. Without it the JSON text goes to the pipeline.
    .PARAMETER Force
        Replace a file that already exists.
    .PARAMETER WhatIf
        Shows which files would be written without writing them.
    .PARAMETER Confirm
        Asks for confirmation before each file is written.
    .EXAMPLE
        Export-OrcTask -Name db-export -Path .\db-export.json

        Saves the definition of db-export to a file, for version control or another server.
    .EXAMPLE
        Get-OrcTask | Export-OrcTask -Path D:\Backup\tasks -Force

        Saves every definition as D:\Backup\tasks\<name>.json, replacing older copies.
    .EXAMPLE
        Export-OrcTask -Name db-export | Register-OrcTask

        Registers the stored definition again; nothing in it changes.
    .INPUTS
        System.String, Orchestrator.Task
        Task names by value or by the Name property.
    .OUTPUTS
        System.String without -Path (the JSON text); System.IO.FileInfo with -Path.
    .LINK
        Register-OrcTask
    .LINK
        Get-OrcTask
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType([string], [System.IO.FileInfo])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name,

        [Parameter(Position = 1)]
        [Alias('Destination')]
        [ValidateNotNullOrEmpty()]
        [string] $Path,

        [switch] $Force
    )

    begin {
        $storeHome = Get-OrcStoreHome
        $folder = $null
        if ($Path) {
            $full = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
            if (Test-Path -LiteralPath $full -PathType Container) { $folder = $full }
        }
    }

    process {
        foreach ($taskName in $Name) {
            $exported = Get-OrcDefinitionText -Name $taskName -StoreHome $storeHome
            if ($exported.ErrorRecord) {
                $PSCmdlet.WriteError($exported.ErrorRecord)
                continue
            }
            if (-not $exported.Found) {
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.TaskNotFound' -Category ObjectNotFound -TargetObject $taskName `
                            -Message "Task '$taskName' has no definition to export. Get-OrcTask lists the tasks."))
                continue
            }
            if (-not $Path) {
                $exported.Json
                continue
            }
            $target = $full
            if ($folder) { $target = Join-Path $folder "$taskName.json" }
            if ((Test-Path -LiteralPath $target) -and -not $Force) {
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.FileExists' -Category ResourceExists -TargetObject $target `
                            -Message "'$target' already exists. Add -Force to replace it, or choose another -Path."))
                continue
            }
            if (-not $PSCmdlet.ShouldProcess($target, "Export the definition of '$taskName'")) {
                continue
            }
            $temp = "$target.$([guid]::NewGuid().ToString('N')).tmp"
            try {
                [System.IO.File]::WriteAllText($temp, $exported.Json, (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
                if ([System.IO.File]::Exists($target)) {
                    [System.IO.File]::Replace($temp, $target, [NullString]::Value)
                }
                else {
                    [System.IO.File]::Move($temp, $target)
                }
            }
            catch {
                if ([System.IO.File]::Exists($temp)) { [System.IO.File]::Delete($temp) }
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.ExportFailed' -Category WriteError -TargetObject $target -Exception $_.Exception `
                            -Message "Could not write '$target': $($_.Exception.Message)"))
                continue
            }
            Get-Item -LiteralPath $target
        }
    }
}
