# The OrcTask DSC resource. Get/Test/Set run the same code as the cmdlets: Test-OrcTaskState
# answers compliance (read-only), Sync-OrcTask applies one definition, Unregister-OrcTask removes.
# Nothing here compares definitions itself, so the resource and Sync can never disagree.
Set-StrictMode -Version Latest

# In a source checkout (and in tests) the module sits three folders up; installed, it is found
# by name on PSModulePath beside this one.
$orchestratorManifest = Join-Path (Split-Path -Parent (Split-Path -Parent (Split-Path -Parent $PSScriptRoot))) 'Orchestrator.psd1'
if (Test-Path -LiteralPath $orchestratorManifest -PathType Leaf) {
    Import-Module -Name $orchestratorManifest -ErrorAction Stop
}
else {
    Import-Module -Name Orchestrator -ErrorAction Stop
}

# Guest Configuration's shape for "why is this not compliant": Code is stable, Phrase is for people.
class OrcTaskReason {
    [DscProperty()]
    [string] $Code

    [DscProperty()]
    [string] $Phrase
}

[DscResource()]
class OrcTask {
    # The task name: 1-64 letters, digits, '.', '_' or '-', as in a definition's "name".
    [DscProperty(Key)]
    [string] $Name

    # A definition file (.json), or a folder holding <Name>.json. Set Path or Definition.
    [DscProperty()]
    [string] $Path

    # The definition as JSON text, for configurations that carry it inline.
    [DscProperty()]
    [string] $Definition

    [DscProperty()]
    [ValidateSet('Present', 'Absent')]
    [string] $Ensure = 'Present'

    [DscProperty(NotConfigurable)]
    [OrcTaskReason[]] $Reasons

    [OrcTask] Get() {
        $this.AssertName()
        $current = [OrcTask]::new()
        $current.Name = $this.Name
        $current.Path = $this.Path
        $current.Definition = $this.Definition
        $current.Ensure = 'Absent'
        if ($this.TaskExists()) { $current.Ensure = 'Present' }
        $current.Reasons = $this.GetReasons()
        return $current
    }

    [bool] Test() {
        $this.AssertName()
        return @($this.GetReasons()).Count -eq 0
    }

    [void] Set() {
        $this.AssertName()
        if ($this.Ensure -eq 'Absent') {
            if ($this.TaskExists()) {
                Unregister-OrcTask -Name $this.Name -Force -Confirm:$false -ErrorAction Stop
            }
            return
        }
        $source = $this.OpenDefinition()
        try {
            $syncErrors = $null
            $results = @(Sync-OrcTask -Path $source.File -PassThru -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable syncErrors)
            $mine = @($results | Where-Object { $_.Name -eq $this.Name })
            $failed = @($results | Where-Object { $_.Action -eq 'Failed' })
            if ($failed.Count -gt 0) {
                throw "OrcTask '$($this.Name)': Sync-OrcTask could not apply '$($source.Origin)': $($failed[0].Reason)"
            }
            # -ErrorVariable also collects what Sync caught and handled inside; only its own
            # Orc.* records (denied, invalid folder) say the sync did not happen.
            $own = @($syncErrors | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'Orc.*' -and $_.FullyQualifiedErrorId -notlike 'Orc.SyncFailed*' })
            if ($own.Count -gt 0) {
                throw "OrcTask '$($this.Name)': Sync-OrcTask could not apply '$($source.Origin)': $($own[0])"
            }
            if ($mine.Count -eq 0) {
                throw "OrcTask '$($this.Name)': Sync-OrcTask returned no result for '$($this.Name)' from '$($source.Origin)'."
            }
        }
        finally {
            $source.Close()
        }
    }

    # Empty when compliant; otherwise one reason per difference, in Test-OrcTaskState's words.
    hidden [OrcTaskReason[]] GetReasons() {
        if ($this.Ensure -eq 'Absent') {
            if ($this.TaskExists()) {
                return @([OrcTask]::NewReason('Extra', "Task '$($this.Name)' exists; Ensure is Absent."))
            }
            return @()
        }
        $states = @()
        $source = $this.OpenDefinition()
        try {
            $states = @(Test-OrcTaskState -Path $source.File -ErrorAction Stop | Where-Object { $_.Name -eq $this.Name })
        }
        finally {
            $source.Close()
        }
        if ($states.Count -eq 0) {
            return @([OrcTask]::NewReason('Missing', "Test-OrcTaskState reported nothing for '$($this.Name)' in '$($source.Origin)'."))
        }
        $differences = @()
        foreach ($state in $states) {
            if ($state.State -ne 'Compliant') {
                $differences += [OrcTask]::NewReason([string]$state.State, [string]$state.Reason)
            }
        }
        return $differences
    }

    hidden static [OrcTaskReason] NewReason([string] $State, [string] $Phrase) {
        $reason = [OrcTaskReason]::new()
        $reason.Code = "OrcTask:OrcTask:$State"
        $reason.Phrase = $Phrase
        return $reason
    }

    hidden [void] AssertName() {
        # Get-OrcTask and Unregister-OrcTask take wildcards: a name like 'db*' must never reach them.
        if ($this.Name -notmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$') {
            throw "OrcTask: Name '$($this.Name)' is not a task name. Use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit, e.g. 'db-export'."
        }
    }

    hidden [bool] TaskExists() {
        $found = @(Get-OrcTask -Name $this.Name -ErrorAction SilentlyContinue | Where-Object { $_.Name -eq $this.Name })
        return $found.Count -gt 0
    }

    # The definition as a file the cmdlets take: Path itself, <Path>/<Name>.json, or Definition
    # written to a private temporary folder (removed by Close) under the name Sync expects.
    hidden [object] OpenDefinition() {
        $hasPath = -not [string]::IsNullOrEmpty($this.Path)
        $hasText = -not [string]::IsNullOrEmpty($this.Definition)
        if ($hasPath -eq $hasText) {
            throw "OrcTask '$($this.Name)': set exactly one of Path (a .json file or a folder with $($this.Name).json) and Definition (the JSON text)."
        }
        $temp = $null
        if ($hasPath) {
            $file = $this.Path
            if (Test-Path -LiteralPath $file -PathType Container) {
                $file = Join-Path $file "$($this.Name).json"
            }
            if (-not (Test-Path -LiteralPath $file -PathType Leaf)) {
                throw "OrcTask '$($this.Name)': Path '$($this.Path)' has no definition file ('$file' does not exist). Point Path at the .json file or at the folder that holds $($this.Name).json."
            }
            $text = [System.IO.File]::ReadAllText($file)
            $origin = $file
        }
        else {
            $text = $this.Definition
            $temp = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-dsc-' + [guid]::NewGuid().ToString('N'))
            $null = New-Item -ItemType Directory -Path $temp
            $file = Join-Path $temp "$($this.Name).json"
            [System.IO.File]::WriteAllText($file, $text, (New-Object System.Text.UTF8Encoding $false))
            $origin = 'Definition'
        }
        try {
            $parsed = ConvertFrom-Json -InputObject $text -ErrorAction Stop
        }
        catch {
            if ($temp) { Remove-Item -LiteralPath $temp -Recurse -Force -ErrorAction SilentlyContinue }
            throw "OrcTask '$($this.Name)': $origin is not valid JSON: $($_.Exception.Message)"
        }
        $declared = $null
        if ($parsed -and $parsed.PSObject.Properties['name']) { $declared = [string]$parsed.name }
        if ($declared -cne $this.Name) {
            if ($temp) { Remove-Item -LiteralPath $temp -Recurse -Force -ErrorAction SilentlyContinue }
            throw "OrcTask '$($this.Name)': the definition in $origin has ""name"": ""$declared""; set Name to '$declared' or change the definition's ""name"" to '$($this.Name)'."
        }
        $close = { }
        if ($temp) {
            $close = { Remove-Item -LiteralPath $temp -Recurse -Force -ErrorAction SilentlyContinue }.GetNewClosure()
        }
        $source = [pscustomobject]@{ File = $file; Origin = $origin }
        $source | Add-Member -MemberType ScriptMethod -Name Close -Value $close
        return $source
    }
}
